/**
 * Every key Roll Call stores, by area: the one list that the background, the
 * pages and the tests name. Only the background writes any of them. Each key
 * is its own constant, so a page carries the strings it uses, not the list.
 */

// On this device only (`storage.local`): state, history, and what the pages show.
export const SITTING_KEY = 'sitting';
export const ROUTINE_KEY = 'routine';
/** What the popup shows, rebuilt after every job (utils/display/popup-snapshot.ts). */
export const POPUP_KEY = 'popup';
/** “Remind on this browser”. */
export const REMIND_HERE_KEY = 'remindHere';
/** This device's id in the break records it shares. */
export const DEVICE_ID_KEY = 'deviceId';
/** The totals of every day before today's buckets (utils/history/log.ts). */
export const TOTALS_KEY = 'totals';
/** One day's raw events: `events:YYYY-MM-DD`. */
export const BUCKET_PREFIX = 'events:';
/** The organisation's policy as last applied (utils/settings/policy.ts). */
export const POLICY_KEY = 'policy';
/** Set once the welcome page has opened. */
export const ONBOARDED_KEY = 'onboarded';
/** A `storage.sync` write decided by a job and not yet carried out: finished by the next job if the worker died first. */
export const PENDING_SYNC_KEY = 'pendingSync';
/** An older version's whole event log and daily totals, read once to move them into day buckets. */
export const LEGACY_EVENTS_KEY = 'eventLog';
export const LEGACY_TOTALS_KEY = 'dailyTotals';

// What follows the user (`storage.sync`).
export const SETTINGS_KEY = 'settings';
/** The settings' version, beside them as `@wxt-dev/storage` keeps it (`{ v }`). */
export const SETTINGS_META_KEY = 'settings$';
/** The user's changes to the routines. */
export const PRESETS_KEY = 'presets';
/** The last break taken on any device of the synced profile. */
export const SHARED_BREAK_KEY = 'lastBreak';

// Gone at a browser restart (`storage.session`), as these should be.
/** When a write last failed for want of room, or null. */
export const STORAGE_FULL_KEY = 'storageFull';
/** This start of the worker (`{ id, at }`); a kill followed by a wake-up changes it, which the fault suite reads. */
export const WORKER_START_KEY = 'workerStart';

/** The local keys by name, for the background's job. */
export const LOCAL_KEYS = {
  sitting: SITTING_KEY,
  routine: ROUTINE_KEY,
  popup: POPUP_KEY,
  remindHere: REMIND_HERE_KEY,
  deviceId: DEVICE_ID_KEY,
  totals: TOTALS_KEY,
  policy: POLICY_KEY,
  onboarded: ONBOARDED_KEY,
  pendingSync: PENDING_SYNC_KEY,
  legacyEvents: LEGACY_EVENTS_KEY,
  legacyTotals: LEGACY_TOTALS_KEY,
} as const;

/** The sync keys by name. */
export const SYNC_KEYS = { settings: SETTINGS_KEY, settingsMeta: SETTINGS_META_KEY, presets: PRESETS_KEY, sharedBreak: SHARED_BREAK_KEY } as const;
