import { describe, expect, it } from 'vitest';
import { lockedSettings, parsePolicy, policyPatch, readStoredPolicy, type PolicyValues } from '@/utils/settings/policy';
import { ignoredPolicyValues, readPolicyForPage } from '@/utils/settings/policy-ignored';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const BUILT_IN = { ...DEFAULT_SETTINGS, remindHere: true };

describe('parsePolicy', () => {
  it('takes every value an administrator may set, and the locks', () => {
    const managed = {
      sittingIntervalMin: 60,
      breakThresholdMin: 3,
      snoozeMin: 15,
      activeDays: [1, 2, 3, 4],
      activeStart: '09:00',
      activeEnd: '17:30',
      breakPresetId: 'back',
      goalRoutinesPerDay: 2,
      goalBreaksPerDay: 8,
      goalLongestSittingMin: 90,
      remindHere: false,
      locked: ['sittingIntervalMin', 'remindHere'],
    };
    const { locked, ...values } = managed;
    expect(parsePolicy(managed)).toEqual({ values, locked });
    expect(ignoredPolicyValues(managed)).toEqual([]);
  });

  it.each<[unknown, string]>([
    [{}, 'empty'],
    [null, 'none (Firefox without a 3rdparty entry)'],
    [undefined, 'undefined'],
    ['a string', 'not an object'],
    [[1, 2], 'an array'],
  ])('reads %j (%s) as no policy', (managed) => {
    expect(parsePolicy(managed)).toEqual({ values: {}, locked: [] });
    expect(ignoredPolicyValues(managed)).toEqual([]);
  });

  it.each([
    ['sittingIntervalMin', 5, 'error_range'],
    ['sittingIntervalMin', 'sixty', 'error_not_a_number'],
    ['snoozeMin', 2.5, 'error_whole_number'],
    ['activeDays', [1, 9], 'error_days'],
    ['activeDays', 'weekdays', 'error_days'],
    ['activeStart', '9 am', 'error_time'],
    ['breakPresetId', 'custom-mine', 'policy_reason_routine'],
    ['breakPresetId', 42, 'error_required'],
    ['goalBreaksPerDay', 21, 'error_range'],
    ['remindHere', 'no', 'error_choice'],
    ['volume', 50, 'policy_reason_unknown'],
    ['sittingInterval', 60, 'policy_reason_unknown'],
  ])('ignores %s = %j, because %s, and keeps the rest', (key, value, reason) => {
    const managed = { [key]: value, goalRoutinesPerDay: 2 };
    expect(ignoredPolicyValues(managed)).toEqual([{ key, value, reason }]);
    expect(parsePolicy(managed).values).toEqual({ goalRoutinesPerDay: 2 });
  });

  it('ignores an end of active hours equal to their start', () => {
    const managed = { activeStart: '09:00', activeEnd: '09:00' };
    expect(parsePolicy(managed).values).toEqual({ activeStart: '09:00' });
    expect(ignoredPolicyValues(managed)).toEqual([{ key: 'activeEnd', value: '09:00', reason: 'error_same_time' }]);
  });

  it('locks only settings the policy sets, and says why it did not lock the others', () => {
    const managed = { snoozeMin: 15, sittingIntervalMin: 5, locked: ['snoozeMin', 'sittingIntervalMin', 'goalBreaksPerDay', 'volume', 7] };
    expect(parsePolicy(managed).locked).toEqual(['snoozeMin']);
    expect(ignoredPolicyValues(managed)).toEqual([
      { key: 'sittingIntervalMin', value: 5, reason: 'error_range' },
      { key: 'locked', value: 'sittingIntervalMin', reason: 'policy_reason_lock' },
      { key: 'locked', value: 'goalBreaksPerDay', reason: 'policy_reason_lock' },
      { key: 'locked', value: 'volume', reason: 'policy_reason_unknown' },
      { key: 'locked', value: 7, reason: 'policy_reason_unknown' },
    ]);
  });

  it('ignores a `locked` that is not a list', () => {
    const managed = { snoozeMin: 15, locked: 'snoozeMin' };
    expect(parsePolicy(managed).locked).toEqual([]);
    expect(ignoredPolicyValues(managed)).toEqual([{ key: 'locked', value: 'snoozeMin', reason: 'policy_reason_list' }]);
  });
});

describe('policyPatch: a policy value is the default, a lock is the value', () => {
  const policy = (managed: Record<string, unknown>) => parsePolicy(managed);

  it('sets every setting still at Roll Call’s default, and keeps what the user chose', () => {
    const current = { ...BUILT_IN, snoozeMin: 20 };
    expect(policyPatch(current, {}, policy({ sittingIntervalMin: 60, snoozeMin: 15, remindHere: false }))).toEqual({
      sittingIntervalMin: 60,
      remindHere: false,
    });
  });

  it('changes nothing once applied, so applying again at every start is harmless', () => {
    const p = policy({ sittingIntervalMin: 60, activeDays: [1, 2] });
    const applied = { ...BUILT_IN, ...policyPatch(BUILT_IN, {}, p) };
    expect(policyPatch(applied, p.values, p)).toEqual({});
  });

  it('keeps a value the user changed after the policy set it, until the setting is locked', () => {
    const p = policy({ sittingIntervalMin: 60 });
    const current = { ...BUILT_IN, sittingIntervalMin: 30 };
    expect(policyPatch(current, p.values, p)).toEqual({});
    expect(policyPatch(current, p.values, policy({ sittingIntervalMin: 60, locked: ['sittingIntervalMin'] }))).toEqual({ sittingIntervalMin: 60 });
  });

  it('moves a setting still at the old policy value to the new one', () => {
    const before: PolicyValues = { sittingIntervalMin: 60, activeDays: [1, 2, 3] };
    const current = { ...BUILT_IN, sittingIntervalMin: 60, activeDays: [1, 2, 3] };
    expect(policyPatch(current, before, policy({ sittingIntervalMin: 50, activeDays: [1, 2, 3] }))).toEqual({ sittingIntervalMin: 50 });
  });

  it('puts a setting the policy no longer names back to Roll Call’s default, unless the user changed it', () => {
    const before: PolicyValues = { sittingIntervalMin: 60, snoozeMin: 15 };
    const current = { ...BUILT_IN, sittingIntervalMin: 60, snoozeMin: 20 };
    expect(policyPatch(current, before, policy({}))).toEqual({ sittingIntervalMin: DEFAULT_SETTINGS.sittingIntervalMin });
  });

  it('leaves everything alone when a bad value is all there is', () => {
    expect(policyPatch(BUILT_IN, {}, policy({ sittingIntervalMin: 5, breakPresetId: 'nope' }))).toEqual({});
  });
});

describe('lockedSettings', () => {
  it('gives the locked settings’ values, without the device’s reminders switch', () => {
    const p = parsePolicy({ sittingIntervalMin: 60, snoozeMin: 15, remindHere: false, locked: ['sittingIntervalMin', 'remindHere'] });
    expect(lockedSettings(p)).toEqual({ sittingIntervalMin: 60 });
  });
});

describe('readStoredPolicy and readPolicyForPage', () => {
  it('work out the policy from the managed values the background stored, and anything damaged as no policy', () => {
    const managed = { sittingIntervalMin: 60, volume: 1, locked: ['sittingIntervalMin'] };
    expect(readStoredPolicy({ managed })).toEqual(parsePolicy(managed));
    expect(readPolicyForPage({ managed })).toEqual({ ...parsePolicy(managed), ignored: [{ key: 'volume', value: 1, reason: 'policy_reason_unknown' }] });
    expect(readStoredPolicy(null)).toEqual({ values: {}, locked: [] });
    expect(readPolicyForPage({ managed: null })).toEqual({ values: {}, locked: [], ignored: [] });
  });

  it('read a record stored before the managed values were (values, locks and reasons) as the values and locks it kept', () => {
    const old = { values: { snoozeMin: 15 }, locked: ['snoozeMin'], ignored: [{ key: 'volume', value: 1, reason: 'policy_reason_unknown' }] };
    expect(readStoredPolicy(old)).toEqual({ values: { snoozeMin: 15 }, locked: ['snoozeMin'] });
    expect(readStoredPolicy({ values: 3, locked: ['nope', 'snoozeMin'], ignored: 'x' })).toEqual({ values: {}, locked: [] });
  });
});
