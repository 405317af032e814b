/**
 * Whether a day key and a time can belong together, for data from outside (an
 * import). Apart from `day.ts` so that pages which only name today's day do
 * not carry it.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Local time runs from UTC−12 to UTC+14 somewhere on Earth. */
const WESTMOST_OFFSET_MS = -12 * HOUR_MS;
const EASTMOST_OFFSET_MS = 14 * HOUR_MS;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC at the start of a `YYYY-MM-DD` day, or undefined when no such calendar day exists. */
function computeDayStart(day: string): number | undefined {
  const match = DAY_KEY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || date < 1) return undefined;
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month - 1, date);
  return d.getUTCDate() === date ? d.getTime() : undefined;
}

/** A history has few distinct days and many events on each, so an import asks for the same day many times. */
const dayStarts = new Map<string, number | undefined>();

function dayStartUtc(day: string): number | undefined {
  if (!dayStarts.has(day)) {
    if (dayStarts.size >= 1000) dayStarts.clear();
    dayStarts.set(day, computeDayStart(day));
  }
  return dayStarts.get(day);
}

/**
 * True when some moment from `from` to `to` falls on `day` in some time zone
 * (UTC−12 to UTC+14). An event's stored day was its local day when it
 * happened, in whatever zone the computer was in, so this is the most the day
 * and the time can be checked against each other.
 */
export function dayCanHold(day: string, from: number, to: number = from): boolean {
  const start = dayStartUtc(day);
  if (start === undefined) return false;
  return to + EASTMOST_OFFSET_MS >= start && from + WESTMOST_OFFSET_MS < start + DAY_MS;
}
