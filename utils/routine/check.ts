import { resolvePresets, type Preset, type PresetCustomisations } from './presets';

/**
 * What makes routines unusable, checked in one place for every door they
 * come through: the routine editor, an import, and the `presets` settings
 * command any extension page can send. A routine with no step on would
 * leave Start doing nothing; a repeated id would make a step or a routine
 * ambiguous.
 */

/** A routine as a problem names it: by its id, and by its name when the user gave it one (a built-in's name comes from the locale). */
export interface RoutineRef {
  id: string;
  name?: string;
}

export type RoutineProblem =
  { problem: 'noStepsOn'; routine: RoutineRef } | { problem: 'duplicateStep'; routine: RoutineRef } | { problem: 'duplicateRoutine'; routine: RoutineRef };

const refOf = (preset: Preset): RoutineRef => (preset.name === undefined ? { id: preset.id } : { id: preset.id, name: preset.name });

/** The problem of one routine as it will run: a step id used twice, or no step on. */
export function routineProblem(preset: Preset): RoutineProblem | undefined {
  if (new Set(preset.steps.map((s) => s.id)).size < preset.steps.length) return { problem: 'duplicateStep', routine: refOf(preset) };
  if (!preset.steps.some((s) => s.enabled)) return { problem: 'noStepsOn', routine: refOf(preset) };
  return undefined;
}

/**
 * The first problem of the stored routine changes, read as the routines they
 * make (a built-in's step list that names no step of its own runs no step):
 * repeated ids first, then a routine with no step on.
 */
export function customisationsProblem(customisations: PresetCustomisations): RoutineProblem | undefined {
  const presets = resolvePresets(customisations);
  const seen = new Set<string>();
  for (const preset of presets) {
    if (seen.has(preset.id)) return { problem: 'duplicateRoutine', routine: refOf(preset) };
    seen.add(preset.id);
    const problem = routineProblem(preset);
    if (problem?.problem === 'duplicateStep') return problem;
  }
  for (const preset of presets) {
    const problem = routineProblem(preset);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The reply to a `presets` settings command whose routines have a problem: a
 * routine with no step on is named as the editor names it; repeated ids are
 * something no page of Roll Call sends, so the command is refused as malformed.
 */
export function presetsCommandError(customisations: PresetCustomisations): 'error_no_steps_on' | 'error_bad_command' | undefined {
  const problem = customisationsProblem(customisations);
  if (!problem) return undefined;
  return problem.problem === 'noStepsOn' ? 'error_no_steps_on' : 'error_bad_command';
}
