/** Formatting of durations, independent of language: digits and a colon read the same everywhere. */

/** `m:ss` (or `h:mm:ss` from an hour), rounding up so a step never shows 0:00 before it ends. */
export function formatClock(ms: number): string {
  const totalSec = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Whole minutes, rounded up, for the badge and short summaries. */
export function ceilMinutes(ms: number): number {
  return Math.max(0, Math.ceil(ms / 60_000));
}

/** A moment as the user's language writes it: the time alone today, with the weekday on another day. */
export function formatMoment(at: number, now: number, locale: string): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay ? { hour: 'numeric', minute: '2-digit' } : { weekday: 'short', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}
