/**
 * Local calendar days as `YYYY-MM-DD` keys: the unit of history, active days
 * and "remind me anyway today". Every key is read and written here.
 */

/** The shape of a day key; `isDayKey` also checks that the day exists. */
export const DAY_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The local calendar day of a moment, as `YYYY-MM-DD`, in the time zone in force at that moment. */
export function localDayKey(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Noon on a day key's local date: noon is never skipped or doubled by a DST change. */
export function dayKeyNoon(day: string, offsetDays = 0): Date {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d + offsetDays, 12);
}

/** Whether a string is a day key of a real calendar day (`2026-02-30` is not). */
export function isDayKey(value: string): boolean {
  return DAY_KEY_PATTERN.test(value) && localDayKey(dayKeyNoon(value).getTime()) === value;
}
