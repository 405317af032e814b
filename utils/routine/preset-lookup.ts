import type { BuiltInPresetId, Preset, Side, Step, StepKind } from './presets';

/**
 * What the routine views read of a preset: its length, its name's and its steps' locale keys. Kept apart from
 * `./presets.ts`, whose built-in presets' data the popup never needs: these helpers sit in the pages' shared
 * chunk (wxt.config.ts), and that data would add its bytes to every view. `./presets.ts` re-exports them.
 */

export const BUILT_IN_PRESET_IDS: readonly BuiltInPresetId[] = ['full', 'desk', 'back', 'workout'];

export function isBuiltInPresetId(id: string): id is BuiltInPresetId {
  return (BUILT_IN_PRESET_IDS as readonly string[]).includes(id);
}

export function findPreset(presets: readonly Preset[], id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}

export function enabledSteps(preset: Preset): Step[] {
  return preset.steps.filter((s) => s.enabled);
}

/** The length of a preset as the user will run it: only the steps that are on count. */
export function presetDurationSec(preset: Preset): number {
  return enabledSteps(preset).reduce((sum, s) => sum + s.durationSec, 0);
}

/** Locale keys for a step: titles differ by side, instructions only by kind. */
const STEP_TITLE_KEYS = {
  roll: { left: 'step_roll_left_title', right: 'step_roll_right_title', none: 'step_roll_title' },
  // Walking is done on both feet; a side set on a custom walk step changes nothing.
  walk: { left: 'step_walk_title', right: 'step_walk_title', none: 'step_walk_title' },
  calfStretch: { left: 'step_calfStretch_left_title', right: 'step_calfStretch_right_title', none: 'step_calfStretch_title' },
  hamstringStretch: {
    left: 'step_hamstringStretch_left_title',
    right: 'step_hamstringStretch_right_title',
    none: 'step_hamstringStretch_title',
  },
} as const satisfies Record<StepKind, Record<Side, string>>;

export type StepTitleKey = (typeof STEP_TITLE_KEYS)[StepKind][Side];

/** The locale key of a step's title; typed, so a kind without a title in the locale fails to compile where it is shown. */
export function stepTitleKey(s: Pick<Step, 'kind' | 'side'>): StepTitleKey {
  return STEP_TITLE_KEYS[s.kind][s.side];
}

export function stepInstructionsKey(s: Pick<Step, 'kind'>): `step_${StepKind}_instructions` {
  return `step_${s.kind}_instructions`;
}

export function presetNameKey(id: BuiltInPresetId): `preset_${BuiltInPresetId}_name` {
  return `preset_${id}_name`;
}
