import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, presetDurationSec, resolvePresets, stepInstructionsKey, stepTitleKey, EMPTY_CUSTOMISATIONS } from '@/utils/routine/presets';
import { parsePresetCustomisations } from '@/utils/routine/presets-schema';
import { localeMessages } from '../locale';

describe('built-in presets', () => {
  it.each([
    ['full', 19 * 60, 7],
    ['desk', 5 * 60, 5],
    ['back', 9 * 60, 6],
    ['workout', 8 * 60, 7],
  ])('%s lasts %i s over %i steps', (id, seconds, stepCount) => {
    const preset = BUILT_IN_PRESETS.find((p) => p.id === id)!;
    expect(presetDurationSec(preset)).toBe(seconds);
    expect(preset.steps).toHaveLength(stepCount);
  });

  it('follow the article: roll first, then walk, then calves before hamstrings', () => {
    for (const preset of BUILT_IN_PRESETS) {
      const kinds = preset.steps.map((s) => s.kind);
      const order = ['roll', 'walk', 'calfStretch', 'hamstringStretch'];
      expect([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(kinds);
    }
  });

  it('has locale text for every step and preset', () => {
    const en = localeMessages('en');
    for (const preset of BUILT_IN_PRESETS) {
      expect(en[`preset_${preset.id}_name`]).toBeDefined();
      for (const step of preset.steps) {
        expect(en[stepTitleKey(step)], stepTitleKey(step)).toBeDefined();
        expect(en[stepInstructionsKey(step)], stepInstructionsKey(step)).toBeDefined();
      }
    }
  });
});

describe('resolvePresets', () => {
  it('returns the built-ins unchanged when the user changed nothing', () => {
    expect(resolvePresets(EMPTY_CUSTOMISATIONS).map((p) => p.id)).toEqual(['full', 'desk', 'back', 'workout']);
  });

  it("applies the user's lengths, switches, order and name to a built-in preset", () => {
    const [, desk] = resolvePresets({
      builtIn: {
        desk: {
          name: 'Quick one',
          steps: [
            { id: 'walk', durationSec: 120, enabled: true },
            { id: 'roll-left', durationSec: 60, enabled: false },
            { id: 'no-such-step', durationSec: 60, enabled: true },
          ],
        },
      },
      custom: [],
    });
    expect(desk!.name).toBe('Quick one');
    expect(desk!.steps.map((s) => [s.id, s.durationSec, s.enabled])).toEqual([
      ['walk', 120, true],
      ['roll-left', 60, false],
    ]);
    expect(presetDurationSec(desk!)).toBe(120);
  });
});

describe('parsePresetCustomisations', () => {
  it('reads nothing stored as no changes', () => {
    expect(parsePresetCustomisations(undefined)).toEqual({ customisations: EMPTY_CUSTOMISATIONS, invalid: false });
  });

  it.each([
    ['a string', 'garbage'],
    ['a step under 30 s', { builtIn: { desk: { steps: [{ id: 'walk', durationSec: 10, enabled: true }] } }, custom: [] }],
    ['a bad custom id', { builtIn: {}, custom: [{ id: '__proto__', name: 'x', steps: [] }] }],
  ])('falls back to the built-ins for %s and says so', (_, stored) => {
    expect(parsePresetCustomisations(stored)).toEqual({ customisations: EMPTY_CUSTOMISATIONS, invalid: true });
  });
});
