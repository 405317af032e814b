import { browser } from 'wxt/browser';
import { dayKeyNoon } from '@/utils/day';

/** A `YYYY-MM-DD` day as the UI language writes a short date (“Mon 23 Nov”); noon avoids DST edges. */
export function dayLabel(day: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
  return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), options).format(dayKeyNoon(day));
}
