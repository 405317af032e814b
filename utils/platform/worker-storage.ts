import { browser } from 'wxt/browser';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION, parseSettings, type ParsedSettings } from '../settings/settings';
import { parseSittingState, type ParsedSittingState } from '../sitting/schema';

/**
 * The background's own access to storage, with the browser's API alone: the
 * worker must stay small, so it carries no storage library. The pages keep
 * `utils/platform/storage.ts`; both read and write the same keys in the same
 * form (`sync:settings` with its meta `settings$` = `{ v }`, `sync:presets`,
 * `local:onboarded`, `local:sitting`), so either side reads what the other wrote.
 */

const SETTINGS_KEY = 'settings';
const SETTINGS_META_KEY = `${SETTINGS_KEY}$`;
const ONBOARDED_KEY = 'onboarded';
const SITTING_KEY = 'sitting';

/** The event log of versions before one key per day; read once, to migrate it. */
export const LEGACY_LOG_KEYS = { events: 'eventLog', totals: 'dailyTotals' } as const;

/** The stored settings as they are, or null when there are none. */
export async function readStoredSettings(): Promise<unknown> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return stored[SETTINGS_KEY] ?? null;
}

/** Stores settings as given; null removes them. */
export async function writeStoredSettings(value: unknown): Promise<void> {
  if (value == null) await browser.storage.sync.remove(SETTINGS_KEY);
  else await browser.storage.sync.set({ [SETTINGS_KEY]: value });
}

export async function readSettings(): Promise<ParsedSettings> {
  return parseSettings(await readStoredSettings());
}

export async function readSittingState(now: number): Promise<ParsedSittingState> {
  const stored = await browser.storage.local.get(SITTING_KEY);
  return parseSittingState(stored[SITTING_KEY] ?? null, now);
}

/** Whether the welcome page has been shown. */
export async function readOnboarded(): Promise<boolean> {
  const stored = await browser.storage.local.get(ONBOARDED_KEY);
  return (stored[ONBOARDED_KEY] as boolean | null | undefined) ?? false;
}

export async function writeOnboarded(): Promise<void> {
  await browser.storage.local.set({ [ONBOARDED_KEY]: true });
}

/**
 * Calls back with the new value on every change to a key in `sync` (the
 * settings, the routine changes, the last shared break); a write that leaves
 * the value as it was is no change.
 */
export function watchSyncKey(key: string, callback: (value: unknown) => void): void {
  browser.storage.sync.onChanged.addListener((changes) => {
    const change = changes[key];
    if (change == null || deepEqual(change.newValue, change.oldValue)) return;
    callback(change.newValue);
  });
}

/** Deep equality of stored values (dequal/lite, as the storage library compares them). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object' && a.constructor === b.constructor) {
    const ctor = a.constructor;
    if (ctor === Date) return (a as Date).getTime() === (b as Date).getTime();
    if (ctor === RegExp) return (a as RegExp).toString() === (b as RegExp).toString();
    if (ctor === Array) {
      const x = a as unknown[];
      const y = b as unknown[];
      return x.length === y.length && x.every((item, i) => deepEqual(item, y[i]));
    }
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => k in y && deepEqual(x[k], y[k]));
  }
  // NaN equals NaN.
  return a !== a && b !== b;
}

function metaOf(stored: unknown): Record<string, unknown> {
  return stored != null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
}

/**
 * Brings the stored settings up to this version, as a versioned item of
 * `@wxt-dev/storage` 1.3.0 does (its meta `settings$` = `{ v }` beside the
 * value): nothing stored, nothing to migrate; no meta counts as version 1; a
 * lower version runs each migration in turn and then writes the value and the
 * meta together; an equal or higher version is left as it is. A failure is
 * logged, never thrown, as the library does. Then a first install (no version
 * stamped) gets the current one, so a later update knows where it starts.
 * Only the background calls this, at the top of every worker start.
 */
export async function runMigrations(): Promise<void> {
  await migrateSettings().catch((error: unknown) => {
    console.error(`[@wxt-dev/storage] Migration failed for sync:${SETTINGS_KEY}`, error);
  });
  const meta = metaOf((await browser.storage.sync.get(SETTINGS_META_KEY))[SETTINGS_META_KEY]);
  if (meta.v === undefined) {
    const current = metaOf((await browser.storage.sync.get(SETTINGS_META_KEY))[SETTINGS_META_KEY]);
    await browser.storage.sync.set({ [SETTINGS_META_KEY]: { ...current, v: SETTINGS_VERSION } });
  }
}

async function migrateSettings(): Promise<void> {
  const stored = await browser.storage.sync.get([SETTINGS_KEY, SETTINGS_META_KEY]);
  const value: unknown = stored[SETTINGS_KEY] ?? null;
  const meta: { v?: number } | null = stored[SETTINGS_META_KEY] ?? null;
  if (value == null) return;
  const currentVersion = meta?.v ?? 1;
  if (currentVersion > SETTINGS_VERSION) {
    throw new Error(`Version downgrade detected (v${currentVersion} -> v${SETTINGS_VERSION}) for "sync:${SETTINGS_KEY}"`);
  }
  if (currentVersion === SETTINGS_VERSION) return;
  let migrated = value as Record<string, unknown>;
  for (let version = currentVersion + 1; version <= SETTINGS_VERSION; version++) {
    try {
      migrated = SETTINGS_MIGRATIONS[version]?.(migrated) ?? migrated;
    } catch (error) {
      throw new Error(`v${version} migration failed for "sync:${SETTINGS_KEY}"`, { cause: error });
    }
  }
  await browser.storage.sync.set({ [SETTINGS_KEY]: migrated, [SETTINGS_META_KEY]: { ...meta, v: SETTINGS_VERSION } });
}
