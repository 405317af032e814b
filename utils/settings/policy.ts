import { isBuiltInPresetId } from '../routine/presets';
import { isPlainObject } from '../objects';
import { applySettingsPatch, DEFAULT_SETTINGS, fieldError, type ErrorKey, type Settings } from './settings';

/**
 * Settings an organisation deploys: Chrome's managed storage (the schema in
 * public/managed_schema.json) or the `3rdparty` entry of Firefox's
 * policies.json. The policy names settings by their own names and adds
 * `locked`, a list of the ones the user may not change.
 *
 * The rule, in one place: a policy value replaces every setting that is still
 * at its previous default (Roll Call's own, or what the policy said before),
 * whenever the background sees the policy (each start, and each change of it
 * or of the settings). A value the user chose is kept, unless the setting is
 * locked, when the policy's value always wins. A setting the policy no longer
 * names goes back to Roll Call's default in the same way.
 */

/** What a policy may set; `remindHere` is the device's reminders switch (“Remind on this browser”). */
export const POLICY_FIELDS = [
  'sittingIntervalMin',
  'breakThresholdMin',
  'snoozeMin',
  'activeDays',
  'activeStart',
  'activeEnd',
  'breakPresetId',
  'goalRoutinesPerDay',
  'goalBreaksPerDay',
  'goalLongestSittingMin',
  'remindHere',
] as const;

export type PolicyField = (typeof POLICY_FIELDS)[number];

export type PolicyValues = Partial<Pick<Settings, Exclude<PolicyField, 'remindHere'>> & { remindHere: boolean }>;

/** Why a policy value was ignored: a settings error, or one of the policy's own. */
export type PolicyReason = ErrorKey | 'policy_reason_unknown' | 'policy_reason_routine' | 'policy_reason_lock' | 'policy_reason_list';

/** The policy in effect: the values it sets and the settings it locks. */
export interface Policy {
  values: PolicyValues;
  locked: PolicyField[];
}

/**
 * What the background stores for the pages and its next start (`local:policy`): the managed values as it read
 * them. Each reader works out the policy from them; the pages also work out what was ignored and why
 * (utils/settings/policy-ignored.ts), which the worker never needs.
 */
export interface StoredPolicy {
  managed: unknown;
}

const BUILT_IN: Required<PolicyValues> = { ...DEFAULT_SETTINGS, remindHere: true };

export const isPolicyField = (key: unknown): key is PolicyField => (POLICY_FIELDS as readonly unknown[]).includes(key);

/** Why a value for `field` cannot be used, or undefined when it can. */
export function problemWith(field: PolicyField, value: unknown): PolicyReason | undefined {
  if (field === 'remindHere') return typeof value === 'boolean' ? undefined : 'error_choice';
  const error = fieldError(field, value)?.message;
  // A routine of the user's own has an id only that user has; a policy can name only the built-in ones.
  return error ?? (field === 'breakPresetId' && !isBuiltInPresetId(value as string) ? 'policy_reason_routine' : undefined);
}

/** The managed values as the administrator deployed them, as an object (anything else sets nothing). */
export function managedRecord(managed: unknown): Record<string, unknown> {
  return isPlainObject(managed) ? managed : {};
}

/** Reads what the administrator deployed; never throws. A value that cannot be used, or a lock on nothing, is left out. */
export function parsePolicy(managed: unknown): Policy {
  const raw = managedRecord(managed);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (isPolicyField(key) && !problemWith(key, value)) values[key] = value;
  // Active hours that start and end at once are no hours at all: the end is left out.
  if (values.activeStart !== undefined && values.activeStart === values.activeEnd) delete values.activeEnd;
  // Locked to nothing would leave the user unable to change a value nobody set.
  const locked = Array.isArray(raw.locked) ? (raw.locked as unknown[]).filter((key): key is PolicyField => isPolicyField(key) && key in values) : [];
  return { values, locked };
}

/** The policy the background stored, as a page or the next start reads it; anything unreadable counts as no policy. */
export function readStoredPolicy(stored: unknown): Policy {
  return parsePolicy(storedManaged(stored));
}

/**
 * The managed values inside what the background stored; anything unreadable counts as none. A record from before
 * the raw values were stored (`{ values, locked, ignored }`) reads as the values and locks it kept.
 */
export function storedManaged(stored: unknown): unknown {
  if (!isPlainObject(stored)) return undefined;
  return 'managed' in stored ? stored.managed : { ...managedRecord(stored.values), locked: stored.locked };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the policy changes, as a patch of the user's values (settings plus
 * `remindHere`): see the rule at the top. `previous` is the policy's values
 * when the background last applied it.
 */
export function policyPatch(current: Required<PolicyValues>, previous: PolicyValues, policy: Policy): PolicyValues {
  const patch: Record<string, unknown> = {};
  for (const field of POLICY_FIELDS) {
    const next = policy.values[field] ?? BUILT_IN[field];
    const atDefault = same(current[field], previous[field] ?? BUILT_IN[field]);
    if ((atDefault || policy.locked.includes(field)) && !same(current[field], next)) patch[field] = next;
  }
  return patch;
}

/** The locked settings' values (the reminders switch is not a setting), which an import or a settings change cannot replace. */
export function lockedSettings(policy: Policy): Partial<Settings> {
  return Object.fromEntries(policy.locked.flatMap((field) => (field === 'remindHere' ? [] : [[field, policy.values[field]]])));
}

/** Any settings with the organisation's locked values over them: the one place where locks are merged. */
export function withLockedValues(settings: Settings, policy: Policy): Settings {
  return { ...settings, ...lockedSettings(policy) };
}

/** The user's values once the policy is applied by the rule above; `previous` as for `policyPatch`. */
export function applyPolicy(
  current: { settings: Settings; remindHere: boolean },
  previous: PolicyValues,
  policy: Policy,
): { settings: Settings; remindHere: boolean } {
  const { remindHere, ...patch } = policyPatch({ ...current.settings, remindHere: current.remindHere }, previous, policy);
  return { settings: withLockedValues(applySettingsPatch(current.settings, patch), policy), remindHere: remindHere ?? current.remindHere };
}
