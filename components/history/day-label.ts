import { browser } from 'wxt/browser';

/** A `YYYY-MM-DD` day as the UI language writes a short date (“Wed 25”); noon avoids DST edges. */
export function dayLabel(day: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric' }): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), options).format(new Date(y!, m! - 1, d!, 12));
}
