import { PRESET_NAME_MAX_LENGTH, cleanPresetName, isBuiltInPresetId, type CustomPreset, type Preset, type PresetCustomisations, type Step } from './presets';
import { routineProblem } from './check';

/**
 * The routine editor's operations, each a pure function from the stored
 * customisations to new ones. A built-in preset is kept as its id plus the
 * user's changes; a custom preset is kept whole.
 */

export const MAX_CUSTOM_PRESETS = 10;

export type EditError = 'error_no_steps_on' | 'error_too_many_presets' | 'error_name';

export type EditResult = { ok: true; customisations: PresetCustomisations } | { ok: false; error: EditError };

function withSteps(c: PresetCustomisations, preset: Preset, steps: Step[]): EditResult {
  // The same check as an import's and the settings command's; the editor's own operations can only turn every step off.
  if (routineProblem({ ...preset, steps })) return { ok: false, error: 'error_no_steps_on' };
  if (preset.builtIn && isBuiltInPresetId(preset.id)) {
    const override = { ...c.builtIn[preset.id], steps: steps.map(({ id, durationSec, enabled }) => ({ id, durationSec, enabled })) };
    return { ok: true, customisations: { ...c, builtIn: { ...c.builtIn, [preset.id]: override } } };
  }
  return {
    ok: true,
    customisations: { ...c, custom: c.custom.map((p) => (p.id === preset.id ? { ...p, steps: steps.map((s) => ({ ...s })) } : p)) },
  };
}

export function setStepDuration(c: PresetCustomisations, preset: Preset, stepId: string, durationSec: number): EditResult {
  return withSteps(
    c,
    preset,
    preset.steps.map((s) => (s.id === stepId ? { ...s, durationSec } : s)),
  );
}

export function setStepEnabled(c: PresetCustomisations, preset: Preset, stepId: string, enabled: boolean): EditResult {
  return withSteps(
    c,
    preset,
    preset.steps.map((s) => (s.id === stepId ? { ...s, enabled } : s)),
  );
}

/** Moves a step one place up (-1) or down (+1); at either end nothing changes. */
export function moveStep(c: PresetCustomisations, preset: Preset, stepId: string, by: -1 | 1): EditResult {
  const from = preset.steps.findIndex((s) => s.id === stepId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= preset.steps.length) return { ok: true, customisations: c };
  const steps = [...preset.steps];
  steps.splice(to, 0, ...steps.splice(from, 1));
  return withSteps(c, preset, steps);
}

export function renamePreset(c: PresetCustomisations, preset: Preset, name: string): EditResult {
  const clean = cleanPresetName(name);
  if (!clean) return { ok: false, error: 'error_name' };
  if (preset.builtIn && isBuiltInPresetId(preset.id)) {
    return { ok: true, customisations: { ...c, builtIn: { ...c.builtIn, [preset.id]: { ...c.builtIn[preset.id], name: clean } } } };
  }
  return { ok: true, customisations: { ...c, custom: c.custom.map((p) => (p.id === preset.id ? { ...p, name: clean } : p)) } };
}

/** A copy of any preset as a new custom one, with a fresh id. */
export function duplicatePreset(c: PresetCustomisations, preset: Preset, name: string, newId: string): EditResult {
  if (c.custom.length >= MAX_CUSTOM_PRESETS) return { ok: false, error: 'error_too_many_presets' };
  const clean = cleanPresetName(name);
  if (!clean) return { ok: false, error: 'error_name' };
  const copy: CustomPreset = { id: newId, name: clean, steps: preset.steps.map((s) => ({ ...s })) };
  return { ok: true, customisations: { ...c, custom: [...c.custom, copy] } };
}

/** How the locale names the `n`th copy of `name` (n = 1 for the first, which carries no number). */
export type CopyLabel = (name: string, n: number) => string;

/**
 * The name for a copy of `name`, unique among `taken`: "Full reset (copy)",
 * then "(copy 2)", "(copy 3)"… A copy of a copy is numbered from the same
 * base rather than piling up suffixes, and a long name loses its own end,
 * never the number, so that it fits the length limit.
 */
export function copyName(name: string, taken: readonly string[], label: CopyLabel): string {
  let base = name;
  let first = 1;
  for (let n = 1; n <= taken.length + 1; n++) {
    const suffix = label('', n);
    if (base.length > suffix.length && base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      // A copy's copy is never "the first copy", even where cutting the base made that name free.
      first = 2;
      break;
    }
  }
  for (let n = first; ; n++) {
    const candidate = label(base.slice(0, PRESET_NAME_MAX_LENGTH - label('', n).length).trimEnd(), n);
    if (!taken.includes(candidate)) return candidate;
  }
}

export function deleteCustomPreset(c: PresetCustomisations, presetId: string): PresetCustomisations {
  return { ...c, custom: c.custom.filter((p) => p.id !== presetId) };
}

/** Drops the user's changes to a built-in preset. */
export function resetBuiltInPreset(c: PresetCustomisations, presetId: string): PresetCustomisations {
  if (!isBuiltInPresetId(presetId)) return c;
  const { [presetId]: _dropped, ...builtIn } = c.builtIn;
  return { ...c, builtIn };
}

export function isCustomised(c: PresetCustomisations, presetId: string): boolean {
  return isBuiltInPresetId(presetId) && c.builtIn[presetId] !== undefined;
}

/** An id for a new custom preset, unique among the existing ones. */
export function newCustomPresetId(c: PresetCustomisations, now: number): string {
  let n = now;
  while (c.custom.some((p) => p.id === `custom-${n.toString(36)}`)) n++;
  return `custom-${n.toString(36)}`;
}
