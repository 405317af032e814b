import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleSettingsRequest } from '@/tests/background-jobs';
import { customisationsProblem, type RoutineProblem } from '@/utils/routine/check';
import { setStepEnabled } from '@/utils/routine/editor';
import { BUILT_IN_PRESETS, EMPTY_CUSTOMISATIONS, findPreset, resolvePresets, type PresetCustomisations } from '@/utils/routine/presets';
import { buildExport, validateImport } from '@/utils/transfer/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const deskSteps = BUILT_IN_PRESETS.find((p) => p.id === 'desk')!.steps;
const deskSettings = (enabled: (index: number) => boolean) => deskSteps.map(({ id, durationSec }, i) => ({ id, durationSec, enabled: enabled(i) }));
const step = (id: string, enabled = true) => ({ id, kind: 'roll' as const, side: 'left' as const, durationSec: 60, enabled });
const mine = (id: string, steps: ReturnType<typeof step>[]) => ({ id, name: 'Mine', steps });
const withBuiltIn = (steps: ReturnType<typeof deskSettings>): PresetCustomisations => ({ ...EMPTY_CUSTOMISATIONS, builtIn: { desk: { steps } } });
const withCustom = (...custom: ReturnType<typeof mine>[]): PresetCustomisations => ({ ...EMPTY_CUSTOMISATIONS, custom });

type Row = [string, PresetCustomisations, RoutineProblem['problem'] | undefined, string | undefined];

/** One table for every door routines come through. */
const table: Row[] = [
  ['no changes', EMPTY_CUSTOMISATIONS, undefined, undefined],
  ['a built-in with one step on', withBuiltIn(deskSettings((i) => i === 2)), undefined, undefined],
  ['a routine of your own', withCustom(mine('custom-a', [step('a'), step('b', false)])), undefined, undefined],
  ['a built-in with no step listed (presets.builtIn.desk.steps: [])', withBuiltIn([]), 'noStepsOn', 'desk'],
  ['a built-in with every step off', withBuiltIn(deskSettings(() => false)), 'noStepsOn', 'desk'],
  ['a built-in listing only steps it does not have', withBuiltIn([{ id: 'nope', durationSec: 60, enabled: true }]), 'noStepsOn', 'desk'],
  ['a routine of your own with no steps', withCustom(mine('custom-a', [])), 'noStepsOn', 'custom-a'],
  ['a routine of your own with every step off', withCustom(mine('custom-a', [step('a', false), step('b', false)])), 'noStepsOn', 'custom-a'],
  ['a step id used twice', withCustom(mine('custom-a', [step('a'), step('a')])), 'duplicateStep', 'custom-a'],
  ['a routine id used twice', withCustom(mine('custom-a', [step('a')]), mine('custom-a', [step('b')])), 'duplicateRoutine', 'custom-a'],
];

const IMPORT_ERRORS = {
  noStepsOn: 'error_import_no_steps_on',
  duplicateStep: 'error_import_duplicate_step',
  duplicateRoutine: 'error_import_duplicate_routine',
};
const COMMAND_ERRORS = { noStepsOn: 'error_no_steps_on', duplicateStep: 'error_bad_command', duplicateRoutine: 'error_bad_command' };

describe('one check of routines, for every door', () => {
  it.each(table)('the core: %s', (_, customisations, problem, routine) => {
    const found = customisationsProblem(customisations);
    expect(found?.problem).toBe(problem);
    expect(found?.routine.id).toBe(routine);
  });

  it.each(table.filter(([, , problem]) => problem !== 'duplicateRoutine'))('the routine editor: %s', (_, customisations, problem, routine) => {
    // The editor saves a routine whole; saving it as it stands runs the same check.
    const presets = resolvePresets(customisations);
    const edited = findPreset(presets, routine ?? 'desk')!;
    const result = setStepEnabled(customisations, edited, 'no-such-step', true);
    expect(result.ok).toBe(problem === undefined);
    if (!result.ok) expect(result.error).toBe('error_no_steps_on');
  });

  it.each(table)('an import: %s', (_, customisations, problem, routine) => {
    const bundle = buildExport(DEFAULT_SETTINGS, customisations, [], {}, 0);
    const result = validateImport(bundle, Date.now());
    if (problem === undefined) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: IMPORT_ERRORS[problem], routine: { id: routine } });
  });

  it.each(table)('the presets settings command from any extension page: %s', async (_, customisations, problem) => {
    await fakeBrowser.storage.sync.set({ presets: withCustom(mine('custom-kept', [step('a')])) });
    await fakeBrowser.storage.local.set({ remindHere: true });
    const before = { local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) };
    const reply = await handleSettingsRequest({ type: 'presets', customisations });
    if (problem === undefined) {
      expect(reply).toEqual({ ok: true });
      expect((await fakeBrowser.storage.sync.get('presets')).presets).toEqual(customisations);
      return;
    }
    expect(reply).toEqual({ ok: false, error: COMMAND_ERRORS[problem] });
    // Nothing stored is lost or changed.
    expect({ local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) }).toEqual(before);
  });
});
