/** The local calendar day of a moment, as `YYYY-MM-DD`, in the time zone in force at that moment. */
export function localDayKey(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Noon, local time, on a `YYYY-MM-DD` day moved by `offset` days: noon keeps a DST change from landing it on another day. */
export function noonOfDay(day: string, offset = 0): Date {
  const [y = NaN, m = NaN, d = NaN] = day.split('-').map(Number);
  return new Date(y, m - 1, d + offset, 12);
}
