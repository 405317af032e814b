/**
 * The routine model: steps, presets, and how a user's edits apply to them.
 *
 * Step text is never stored: a step's title and instructions come from the
 * locale files by its kind and side, so `storage.sync` holds only ids,
 * durations and on/off switches.
 */

export const STEP_KINDS = ['roll', 'walk', 'calfStretch', 'hamstringStretch'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const SIDES = ['left', 'right', 'none'] as const;
export type Side = (typeof SIDES)[number];

/** A routine's name as the user typed it: trimmed, never empty, at most this long. */
export const PRESET_NAME_MAX_LENGTH = 60;

/** The name to store for what the user typed, or undefined when it cannot be a name. */
export function cleanPresetName(typed: string): string | undefined {
  const trimmed = typed.trim();
  return trimmed.length > 0 && trimmed.length <= PRESET_NAME_MAX_LENGTH ? trimmed : undefined;
}

export interface Step {
  id: string;
  kind: StepKind;
  side: Side;
  durationSec: number;
  enabled: boolean;
}

export type BuiltInPresetId = 'full' | 'desk' | 'back' | 'workout';

export interface Preset {
  id: string;
  /** Set for a user's own preset; a built-in preset's name comes from the locale. */
  name?: string;
  builtIn: boolean;
  steps: Step[];
}

/** A user's change to one step of a preset: its length, its switch and (by position) its order. */
export interface StepSetting {
  id: string;
  durationSec: number;
  enabled: boolean;
}

export interface BuiltInOverride {
  name?: string;
  steps?: StepSetting[];
}

export interface CustomPreset {
  id: string;
  name: string;
  steps: Step[];
}

/** What `storage.sync` keeps of the routine editor. */
export interface PresetCustomisations {
  builtIn: Partial<Record<BuiltInPresetId, BuiltInOverride>>;
  custom: CustomPreset[];
}

export const MIN_STEP_SEC = 30;
export const MAX_STEP_SEC = 15 * 60;

const STEP_SHAPES = {
  'roll-left': { kind: 'roll', side: 'left' },
  'roll-right': { kind: 'roll', side: 'right' },
  walk: { kind: 'walk', side: 'none' },
  'calf-left': { kind: 'calfStretch', side: 'left' },
  'calf-right': { kind: 'calfStretch', side: 'right' },
  'hamstring-left': { kind: 'hamstringStretch', side: 'left' },
  'hamstring-right': { kind: 'hamstringStretch', side: 'right' },
} as const satisfies Record<string, Pick<Step, 'kind' | 'side'>>;

function step(id: keyof typeof STEP_SHAPES, durationSec: number): Step {
  const shape = STEP_SHAPES[id];
  return { id, ...shape, durationSec, enabled: true };
}

/** The four presets from the design notes, in the article's order: roll, walk, calves, hamstrings. */
export const BUILT_IN_PRESETS: readonly Preset[] = Object.freeze([
  {
    id: 'full',
    builtIn: true,
    steps: [
      step('roll-left', 330),
      step('roll-right', 330),
      step('walk', 300),
      step('calf-left', 45),
      step('calf-right', 45),
      step('hamstring-left', 45),
      step('hamstring-right', 45),
    ],
  },
  {
    id: 'desk',
    builtIn: true,
    steps: [step('roll-left', 90), step('roll-right', 90), step('walk', 60), step('calf-left', 30), step('calf-right', 30)],
  },
  {
    id: 'back',
    builtIn: true,
    steps: [
      step('roll-left', 180),
      step('roll-right', 180),
      step('calf-left', 45),
      step('calf-right', 45),
      step('hamstring-left', 45),
      step('hamstring-right', 45),
    ],
  },
  {
    id: 'workout',
    builtIn: true,
    steps: [
      step('roll-left', 120),
      step('roll-right', 120),
      step('walk', 120),
      step('calf-left', 30),
      step('calf-right', 30),
      step('hamstring-left', 30),
      step('hamstring-right', 30),
    ],
  },
]);

export const EMPTY_CUSTOMISATIONS: PresetCustomisations = { builtIn: {}, custom: [] };

function applyOverride(preset: Preset, override: BuiltInOverride | undefined): Preset {
  if (!override) return preset;
  const byId = new Map(preset.steps.map((s) => [s.id, s]));
  const steps = override.steps
    ? override.steps.flatMap((setting) => {
        const base = byId.get(setting.id);
        return base ? [{ ...base, durationSec: setting.durationSec, enabled: setting.enabled }] : [];
      })
    : preset.steps;
  return { ...preset, name: override.name, steps };
}

/** Every preset the user can pick: the built-ins with the user's changes, then their own. */
export function resolvePresets(customisations: PresetCustomisations): Preset[] {
  const builtIns = BUILT_IN_PRESETS.map((p) => applyOverride(p, customisations.builtIn[p.id as BuiltInPresetId]));
  const custom = customisations.custom.map((c) => ({ ...c, builtIn: false, steps: c.steps.map((s) => ({ ...s })) }));
  return [...builtIns, ...custom];
}

// What the routine views need of a preset lives in ./preset-lookup.ts, apart from the built-in presets' data: the
// popup shares those helpers with every page and must not carry the data, which only the settings page, the
// reminder window and the schemas use.
export {
  BUILT_IN_PRESET_IDS,
  enabledSteps,
  findPreset,
  isBuiltInPresetId,
  presetDurationSec,
  presetNameKey,
  stepInstructionsKey,
  stepTitleKey,
  type StepTitleKey,
} from './preset-lookup';
