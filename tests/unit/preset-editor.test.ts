import { describe, expect, it } from 'vitest';
import {
  MAX_CUSTOM_PRESETS,
  copyName,
  deleteCustomPreset,
  duplicatePreset,
  isCustomised,
  moveStep,
  newCustomPresetId,
  renamePreset,
  resetBuiltInPreset,
  setStepDuration,
  setStepEnabled,
  type CopyLabel,
  type EditResult,
} from '@/utils/routine/editor';
import { EMPTY_CUSTOMISATIONS, findPreset, resolvePresets, type PresetCustomisations } from '@/utils/routine/presets';

const preset = (c: PresetCustomisations, id: string) => findPreset(resolvePresets(c), id)!;
const ok = (r: EditResult) => {
  if (!r.ok) throw new Error(r.error);
  return r.customisations;
};

describe('editing a built-in preset', () => {
  it('stores only its id and the changed steps, and resolves to the change', () => {
    const c = ok(setStepDuration(EMPTY_CUSTOMISATIONS, preset(EMPTY_CUSTOMISATIONS, 'desk'), 'walk', 120));
    expect(c.builtIn.desk?.steps?.find((s) => s.id === 'walk')).toEqual({ id: 'walk', durationSec: 120, enabled: true });
    expect(JSON.stringify(c)).not.toMatch(/instructions|Roll/);
    expect(preset(c, 'desk').steps.find((s) => s.id === 'walk')?.durationSec).toBe(120);
    expect(isCustomised(c, 'desk')).toBe(true);
  });

  it('turns steps off, but never the last one on', () => {
    let c = EMPTY_CUSTOMISATIONS;
    for (const id of ['roll-left', 'roll-right', 'walk', 'calf-left']) c = ok(setStepEnabled(c, preset(c, 'desk'), id, false));
    expect(
      preset(c, 'desk')
        .steps.filter((s) => s.enabled)
        .map((s) => s.id),
    ).toEqual(['calf-right']);
    expect(setStepEnabled(c, preset(c, 'desk'), 'calf-right', false)).toEqual({ ok: false, error: 'error_no_steps_on' });
  });

  it('moves steps up and down, and not past either end', () => {
    const c = ok(moveStep(EMPTY_CUSTOMISATIONS, preset(EMPTY_CUSTOMISATIONS, 'desk'), 'walk', -1));
    expect(preset(c, 'desk').steps.map((s) => s.id)).toEqual(['roll-left', 'walk', 'roll-right', 'calf-left', 'calf-right']);
    expect(ok(moveStep(c, preset(c, 'desk'), 'roll-left', -1))).toBe(c);
    expect(ok(moveStep(c, preset(c, 'desk'), 'calf-right', 1))).toBe(c);
  });

  it('renames, and rejects an empty or overlong name', () => {
    const c = ok(renamePreset(EMPTY_CUSTOMISATIONS, preset(EMPTY_CUSTOMISATIONS, 'full'), '  Morning  '));
    expect(preset(c, 'full').name).toBe('Morning');
    expect(renamePreset(c, preset(c, 'full'), '   ')).toEqual({ ok: false, error: 'error_name' });
    expect(renamePreset(c, preset(c, 'full'), 'x'.repeat(61))).toEqual({ ok: false, error: 'error_name' });
  });

  it('resets to the original', () => {
    const c = ok(setStepDuration(EMPTY_CUSTOMISATIONS, preset(EMPTY_CUSTOMISATIONS, 'desk'), 'walk', 120));
    const reset = resetBuiltInPreset(c, 'desk');
    expect(reset.builtIn).toEqual({});
    expect(preset(reset, 'desk').steps.find((s) => s.id === 'walk')?.durationSec).toBe(60);
  });
});

describe('custom presets', () => {
  it('duplicates a preset under a new id and name, then edits and deletes it', () => {
    const id = newCustomPresetId(EMPTY_CUSTOMISATIONS, 1000);
    let c = ok(duplicatePreset(EMPTY_CUSTOMISATIONS, preset(EMPTY_CUSTOMISATIONS, 'back'), 'My back', id));
    expect(preset(c, id)).toMatchObject({ name: 'My back', builtIn: false });
    c = ok(setStepDuration(c, preset(c, id), 'roll-left', 240));
    expect(preset(c, id).steps[0]?.durationSec).toBe(240);
    expect(preset(c, 'back').steps[0]?.durationSec).toBe(180);
    expect(deleteCustomPreset(c, id).custom).toEqual([]);
  });

  it('makes ids that never collide', () => {
    const first = newCustomPresetId(EMPTY_CUSTOMISATIONS, 1000);
    const c = ok(duplicatePreset(EMPTY_CUSTOMISATIONS, preset(EMPTY_CUSTOMISATIONS, 'desk'), 'A', first));
    expect(newCustomPresetId(c, 1000)).not.toBe(first);
  });

  it(`keeps at most ${MAX_CUSTOM_PRESETS}, so sync's 8 KB item limit holds`, () => {
    let c = EMPTY_CUSTOMISATIONS;
    for (let i = 0; i < MAX_CUSTOM_PRESETS; i++) c = ok(duplicatePreset(c, preset(c, 'full'), `Copy ${i}`, `custom-${i}`));
    expect(duplicatePreset(c, preset(c, 'full'), 'One more', 'custom-x')).toEqual({ ok: false, error: 'error_too_many_presets' });
    expect(new TextEncoder().encode(JSON.stringify({ presets: c })).length).toBeLessThan(8192);
  });
});

describe('naming a copy', () => {
  const english: CopyLabel = (name, n) => (n === 1 ? `${name} (copy)` : `${name} (copy ${n})`);

  it.each([
    ['the first copy', 'Full reset', ['Full reset'], 'Full reset (copy)'],
    ['a second copy of the same routine', 'Full reset', ['Full reset', 'Full reset (copy)'], 'Full reset (copy 2)'],
    ['a copy of a copy, numbered from the same base', 'Full reset (copy)', ['Full reset', 'Full reset (copy)'], 'Full reset (copy 2)'],
    ['a copy of a numbered copy', 'Full reset (copy 2)', ['Full reset', 'Full reset (copy)', 'Full reset (copy 2)'], 'Full reset (copy 3)'],
    ['the first free number', 'Full reset', ['Full reset', 'Full reset (copy)', 'Full reset (copy 3)'], 'Full reset (copy 2)'],
  ])('%s', (_, name, taken, expected) => {
    expect(copyName(name, taken, english)).toBe(expected);
  });

  it('copies of a 60-character name stay within 60 characters, keep their numbers, and differ', () => {
    const long = 'A'.repeat(60);
    const taken = [long];
    for (let i = 0; i < 5; i++) taken.push(copyName(taken.at(-1)!, taken, english));
    expect(taken.slice(1)).toEqual([
      `${'A'.repeat(53)} (copy)`,
      `${'A'.repeat(51)} (copy 2)`,
      `${'A'.repeat(51)} (copy 3)`,
      `${'A'.repeat(51)} (copy 4)`,
      `${'A'.repeat(51)} (copy 5)`,
    ]);
    expect(new Set(taken).size).toBe(taken.length);
  });
});
