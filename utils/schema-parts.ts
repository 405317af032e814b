import * as v from 'valibot';

/**
 * Pieces shared by every schema of stored or imported data. Only schema files
 * import this, so valibot stays out of the pages that do not validate.
 */

/** The last moment `Date` can represent; a later "timestamp" is damage, not a time. */
export const MAX_TIMESTAMP = 8.64e15;

/** A moment as milliseconds since 1970, within the range `Date` can show. */
export const timestamp = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_TIMESTAMP));

/** A length of time in milliseconds, never negative: checked as a timestamp is, one schema for both. */
export const duration = timestamp;

export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
