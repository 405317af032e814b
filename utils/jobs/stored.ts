import * as v from 'valibot';
import { isPlainObject } from '../objects';
import type { ReplyErrorKey } from '../protocol/messages';
import { CUSTOMISATIONS_SCHEMA } from '../routine/presets-schema';
import { presetsCommandError } from '../routine/check';
import { fitsSyncItem, syncItemBytes } from '../storage-limits';
import { applyPolicy, readStoredPolicy, withLockedValues, type Policy } from '../settings/policy';
import {
  applySettingsPatch,
  parseSettings,
  SETTINGS_FIELDS,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  settingsToStore,
  validateSettings,
  type ParsedSettings,
  type Settings,
} from '../settings/settings';
import { LOCAL_KEYS, SYNC_KEYS } from '../storage-keys';

/**
 * What the user and the organisation set, decided as a pure step of a job:
 * the stored settings, routines, reminders switch and policy go in with the
 * job's input; out come the values now in effect, the local keys to write in
 * the job's one `storage.local.set`, and the `storage.sync` write to make
 * after it. That write is stored as an intent in the same local write
 * (`pendingSync`), so a worker killed before it finishes has it finished by
 * the next job: what a job decided is never half done.
 */

/** A change to what the user or the organisation set, as a job's input. */
export type StoreInput =
  | { type: 'patch'; patch: Record<string, unknown> }
  | { type: 'presets'; customisations: unknown }
  | { type: 'remindHere'; value: boolean }
  /** The organisation's policy as the browser gave it now (null: none). */
  | { type: 'policy'; managed: unknown }
  /** The settings changed in `storage.sync`, from this device or another. */
  | { type: 'settingsSynced' }
  /** A checked import: its settings and routines replace these. */
  | { type: 'importSettings'; settings: Record<string, unknown>; presets: unknown }
  | { type: 'resetSettings' };

/** A `storage.sync` write still to make: keys to set, then keys to remove. */
export interface SyncIntent {
  set: Record<string, unknown>;
  remove: string[];
}

/** The stored values this step reads, as the job read them (sync as it will be once a pending intent is carried out). */
export interface StoredSetup {
  /** Every sync item, as it will be once a pending intent is carried out: the settings' keys at least. */
  sync: Record<string, unknown>;
  settings: unknown;
  settingsMeta: unknown;
  presets: unknown;
  remindHere: unknown;
  policy: unknown;
}

export interface SetupResult {
  settings: ParsedSettings;
  presets: unknown;
  remindHere: boolean;
  policy: Policy;
  /** Local keys to write in the job's one write. */
  local: Record<string, unknown>;
  /** What this job writes to `storage.sync`, if anything. */
  sync?: SyncIntent;
  /** Set when the input is refused: then nothing of it is written. */
  refused?: ReplyErrorKey;
}

/** storage.sync allows 100 KB in all (and 8 KB an item: `fitsSyncItem`), each item counted as its key plus its value as JSON. */
export const SYNC_TOTAL_LIMIT = 102_400;

/** Whether every sync item, once the intent is carried out, still fits in sync's 100 KB. */
export function fitsSyncTotal(sync: Record<string, unknown>, intent: SyncIntent | undefined): boolean {
  const after = afterIntent(sync, intent);
  return Object.entries(after).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0) <= SYNC_TOTAL_LIMIT;
}

/** Overlays a pending intent on the stored sync values: what they will be once it is carried out. */
export function afterIntent(sync: Record<string, unknown>, intent: SyncIntent | undefined): Record<string, unknown> {
  if (!intent) return sync;
  const removed = new Set(intent.remove);
  return { ...Object.fromEntries(Object.entries(sync).filter(([key]) => !removed.has(key))), ...intent.set };
}

/** A later intent on top of an earlier one still pending: the later wins key by key. */
export function mergeIntents(first: SyncIntent | undefined, second: SyncIntent | undefined): SyncIntent | undefined {
  if (!first) return second;
  if (!second) return first;
  const set = afterIntent(first.set, second);
  const remove = [...new Set([...first.remove.filter((key) => !(key in second.set)), ...second.remove])];
  return { set, remove };
}

/** Reads a stored intent; anything unreadable is no intent (the next settings change writes sync again). */
export function parseSyncIntent(stored: unknown): SyncIntent | undefined {
  if (!isPlainObject(stored) || !isPlainObject(stored.set) || !Array.isArray(stored.remove)) return undefined;
  const known = new Set<string>(Object.values(SYNC_KEYS));
  const set = Object.fromEntries(Object.entries(stored.set).filter(([key]) => known.has(key)));
  const remove = stored.remove.filter((key): key is string => typeof key === 'string' && known.has(key));
  return { set, remove };
}

/**
 * Brings stored settings up to this version, as a versioned `@wxt-dev/storage`
 * item does (its meta `settings$` = `{ v }`): no meta counts as version 1, each
 * migration runs in turn, and the value and the meta are written together.
 * Nothing stored: only the version is stamped, so a later update knows where
 * it starts. A newer version's settings are left as they are.
 */
export function migrateSettings(stored: unknown, meta: unknown): SyncIntent | undefined {
  const metaRecord = isPlainObject(meta) ? meta : {};
  const version = typeof metaRecord.v === 'number' ? metaRecord.v : undefined;
  if (stored == null) return version === undefined ? { set: { [SYNC_KEYS.settingsMeta]: { ...metaRecord, v: SETTINGS_VERSION } }, remove: [] } : undefined;
  const from = version ?? 1;
  if (from >= SETTINGS_VERSION || !isPlainObject(stored)) return undefined;
  let migrated: Record<string, unknown> = stored;
  for (let next = from + 1; next <= SETTINGS_VERSION; next++) migrated = SETTINGS_MIGRATIONS[next]?.(migrated) ?? migrated;
  return { set: { [SYNC_KEYS.settings]: migrated, [SYNC_KEYS.settingsMeta]: { ...metaRecord, v: SETTINGS_VERSION } }, remove: [] };
}

const refuse = (result: SetupResult, error: ReplyErrorKey): SetupResult => ({ ...result, local: {}, sync: undefined, refused: error });

/** Works out the settings in effect and the writes an input needs. Never throws; a refusal writes nothing of the input. */
export function planSetup(stored: StoredSetup, input: StoreInput | undefined): SetupResult {
  const migration = migrateSettings(stored.settings, stored.settingsMeta);
  const settingsValue = migration?.set[SYNC_KEYS.settings] ?? stored.settings;
  const current: SetupResult = {
    settings: parseSettings(settingsValue),
    presets: stored.presets,
    remindHere: stored.remindHere !== false,
    policy: readStoredPolicy(stored.policy),
    local: {},
    sync: migration,
  };
  if (!input) return current;
  const result = applyInput(current, stored, input);
  // An item over 8 KB, or sync over 100 KB in all, is refused before anything is written: the write could never finish.
  if (!result.refused && result.sync !== current.sync && !fitsSyncTotal(stored.sync, result.sync)) return refuse(current, 'error_sync_full');
  return result;
}

function applyInput(current: SetupResult, stored: StoredSetup, input: StoreInput): SetupResult {
  const saveSettings = (result: SetupResult, next: Settings, base: ParsedSettings = result.settings): SetupResult => {
    const value = settingsToStore(base, next);
    if (!fitsSyncItem(SYNC_KEYS.settings, value)) return refuse(current, 'error_sync_item_too_large');
    return { ...result, settings: parseSettings(value), sync: mergeIntents(result.sync, { set: { [SYNC_KEYS.settings]: value }, remove: [] }) };
  };
  const savePresets = (result: SetupResult, presets: unknown): SetupResult => {
    if (!fitsSyncItem(SYNC_KEYS.presets, presets)) return refuse(current, 'error_sync_item_too_large');
    return { ...result, presets, sync: mergeIntents(result.sync, { set: { [SYNC_KEYS.presets]: presets }, remove: [] }) };
  };
  switch (input.type) {
    case 'patch': {
      const keys = Object.keys(input.patch);
      if (keys.length === 0 || !keys.every((key) => (SETTINGS_FIELDS as readonly string[]).includes(key))) return refuse(current, 'error_bad_command');
      if (keys.some((key) => (current.policy.locked as string[]).includes(key))) return refuse(current, 'error_locked');
      const next = withLockedValues(applySettingsPatch(current.settings.settings, input.patch), current.policy);
      if (validateSettings(next).length > 0) return refuse(current, 'error_not_saved');
      return saveSettings(current, next);
    }
    case 'presets': {
      const customisations = v.safeParse(CUSTOMISATIONS_SCHEMA, input.customisations);
      if (!customisations.success) return refuse(current, 'error_bad_command');
      // The editor's and the import's own rule: every routine keeps a step on.
      const problem = presetsCommandError(customisations.output);
      if (problem) return refuse(current, problem);
      return savePresets(current, customisations.output);
    }
    case 'remindHere':
      if (current.policy.locked.includes('remindHere')) return refuse(current, 'error_locked');
      return { ...current, remindHere: input.value, local: { [LOCAL_KEYS.remindHere]: input.value } };
    case 'policy':
      // Stored as read, so the pages can say what was ignored and why (utils/settings/policy-ignored.ts); null: none.
      return enforcePolicy(current, { managed: input.managed ?? null }, current.policy.values, stored.policy, saveSettings);
    case 'settingsSynced':
      // A change synced from a device without the policy does not undo a locked value here.
      return enforcePolicy(current, stored.policy, current.policy.values, stored.policy, saveSettings);
    case 'importSettings': {
      const withPresets = savePresets(current, input.presets);
      if (withPresets.refused) return withPresets;
      const imported = parseSettings(input.settings);
      // A locked setting keeps the organisation's value; the page said so before the user confirmed.
      return saveSettings(withPresets, withLockedValues(imported.settings, current.policy), imported);
    }
    case 'resetSettings': {
      // As on a new install: Roll Call's defaults, then the organisation's values over them.
      const fresh: SetupResult = {
        ...current,
        settings: parseSettings(null),
        presets: undefined,
        remindHere: true,
        local: { [LOCAL_KEYS.remindHere]: true },
        sync: { set: {}, remove: [SYNC_KEYS.settings, SYNC_KEYS.settingsMeta, SYNC_KEYS.presets] },
      };
      return enforcePolicy(fresh, stored.policy, {}, stored.policy, saveSettings);
    }
  }
}

/** Applies a policy's values over the user's (the rule is in utils/settings/policy.ts) and stores the policy as read. */
function enforcePolicy(
  current: SetupResult,
  record: unknown,
  previous: Policy['values'],
  storedRecord: unknown,
  saveSettings: (result: SetupResult, next: Settings) => SetupResult,
): SetupResult {
  const policy = readStoredPolicy(record);
  const applied = applyPolicy({ settings: current.settings.settings, remindHere: current.remindHere }, previous, policy);
  const recordChanged = JSON.stringify(record) !== JSON.stringify(storedRecord);
  let result: SetupResult = { ...current, policy, local: recordChanged ? { ...current.local, [LOCAL_KEYS.policy]: record } : current.local };
  if (applied.remindHere !== current.remindHere)
    result = { ...result, remindHere: applied.remindHere, local: { ...result.local, [LOCAL_KEYS.remindHere]: applied.remindHere } };
  if (JSON.stringify(applied.settings) !== JSON.stringify(current.settings.settings)) result = saveSettings(result, applied.settings);
  return result;
}
