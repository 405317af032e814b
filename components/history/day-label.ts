import { browser } from 'wxt/browser';
import { dayKeyNoon } from '@/utils/day';

/** A `YYYY-MM-DD` day as the UI language writes a short date (“Wed 25”); noon avoids DST edges. */
export function dayLabel(day: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric' }): string {
  return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), options).format(dayKeyNoon(day));
}
