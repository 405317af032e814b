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

/**
 * The locale key of a step's title: titles differ by side, except walking, which is done on both feet (a side set on
 * a custom walk step changes nothing). Typed, so a kind without a title in the locale fails to compile where it is shown.
 */
export type StepTitleKey = `step_${StepKind}_title` | `step_${Exclude<StepKind, 'walk'>}_${Exclude<Side, 'none'>}_title`;

export function stepTitleKey(s: Pick<Step, 'kind' | 'side'>): StepTitleKey {
  return s.kind === 'walk' || s.side === 'none' ? `step_${s.kind}_title` : `step_${s.kind}_${s.side}_title`;
}

export function stepInstructionsKey(s: Pick<Step, 'kind'>): `step_${StepKind}_instructions` {
  return `step_${s.kind}_instructions`;
}

export function presetNameKey(id: BuiltInPresetId): `preset_${BuiltInPresetId}_name` {
  return `preset_${id}_name`;
}
