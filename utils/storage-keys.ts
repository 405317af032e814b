/**
 * Every key Roll Call stores, by area: the one list that the background, the
 * pages and the tests name. Only the background writes any of them.
 */

/** On this device only (`storage.local`): state, history, and what the pages show. */
export const LOCAL_KEYS = {
  sitting: 'sitting',
  routine: 'routine',
  /** What the popup shows, rebuilt after every job (utils/display/popup-snapshot.ts). */
  popup: 'popup',
  /** “Remind on this browser”. */
  remindHere: 'remindHere',
  /** This device's id in the break records it shares. */
  deviceId: 'deviceId',
  /** The totals of every day before today's buckets (utils/history/log.ts). */
  totals: 'totals',
  /** The organisation's policy as last applied (utils/settings/policy.ts). */
  policy: 'policy',
  /** Set once the welcome page has opened. */
  onboarded: 'onboarded',
  /** A `storage.sync` write decided by a job and not yet carried out: finished by the next job if the worker died first. */
  pendingSync: 'pendingSync',
  /** An older version's whole event log and daily totals, read once to move them into day buckets. */
  legacyEvents: 'eventLog',
  legacyTotals: 'dailyTotals',
} as const;

/** One day's raw events: `events:YYYY-MM-DD`. */
export const BUCKET_PREFIX = 'events:';

/** What follows the user (`storage.sync`). */
export const SYNC_KEYS = {
  settings: 'settings',
  /** The settings' version, beside them as `@wxt-dev/storage` keeps it (`{ v }`). */
  settingsMeta: 'settings$',
  /** The user's changes to the routines. */
  presets: 'presets',
  /** The last break taken on any device of the synced profile. */
  sharedBreak: 'lastBreak',
} as const;

/** Gone at a browser restart (`storage.session`), as these should be. */
export const SESSION_KEYS = {
  /** When a write last failed for want of room, or null. */
  storageFull: 'storageFull',
} as const;
