/** The local calendar day of a moment, as `YYYY-MM-DD`, in the time zone in force at that moment. */
export function localDayKey(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
