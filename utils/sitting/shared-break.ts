import { isPlainObject } from '../objects';
import { DEVICE_ID_KEY, SHARED_BREAK_KEY } from '../storage-keys';

/**
 * Breaks that follow the user across devices. When a routine ends on one
 * computer, it leaves one small record in `storage.sync`; the other computers
 * of the same synced profile read it and restart their sitting clock. The
 * record's time comes from another computer's clock, so it is trusted only
 * where a few minutes of difference between the clocks cannot matter.
 */

/** The `storage.sync` key of the record: one item, overwritten by each break. */
export { SHARED_BREAK_KEY };

/** The `storage.local` key of this device's own id, so it never applies its own record. */
export { DEVICE_ID_KEY };

export interface SharedBreak {
  /** When the break ended, by the clock of the device that took it. */
  at: number;
  deviceId: string;
}

/** How far apart the clocks of two computers may be, and still not cause a false break. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** A record this old is news from a device that was offline, not a break the user just took. */
export const SHARED_BREAK_MAX_AGE_MS = 20 * 60_000;

export interface SharedBreakContext {
  /** This device's own id. */
  deviceId: string;
  /** The start of this device's sitting stretch; undefined when it is not counting (paused, outside hours, in a routine). */
  sittingSince?: number;
  now: number;
}

/**
 * The moment at which this device's stretch ends because of a break taken on
 * another device, or undefined when the record must be ignored: it is this
 * device's own, unreadable, older than the age limit, further in the future
 * than the clocks can differ, or could have been taken before this stretch
 * began once the clocks' difference is allowed for. A record that passes once
 * is ignored afterwards, since the stretch it starts begins after it.
 */
export function sharedBreakEnd(record: unknown, here: SharedBreakContext): number | undefined {
  if (!isPlainObject(record) || here.sittingSince === undefined) return undefined;
  const { at, deviceId } = record;
  if (typeof at !== 'number' || !Number.isFinite(at) || typeof deviceId !== 'string' || deviceId === here.deviceId) return undefined;
  if (at > here.now + CLOCK_TOLERANCE_MS || at < here.now - SHARED_BREAK_MAX_AGE_MS) return undefined;
  if (at - CLOCK_TOLERANCE_MS < here.sittingSince) return undefined;
  // A clock ahead of this one would end the stretch in the future.
  return Math.min(at, here.now);
}
