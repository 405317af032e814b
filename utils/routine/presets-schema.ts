import * as v from 'valibot';
import { MAX_CUSTOM_PRESETS } from './editor';
import {
  BUILT_IN_PRESET_IDS,
  EMPTY_CUSTOMISATIONS,
  MAX_STEP_SEC,
  MIN_STEP_SEC,
  PRESET_NAME_MAX_LENGTH,
  SIDES,
  STEP_KINDS,
  type PresetCustomisations,
} from './presets';

/** Validation of the routine editor's stored changes, shared by storage reads and imports. */

const stepDuration = v.pipe(v.number(), v.integer(), v.minValue(MIN_STEP_SEC), v.maxValue(MAX_STEP_SEC));
const stepId = v.pipe(v.string(), v.minLength(1), v.maxLength(40));
const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(PRESET_NAME_MAX_LENGTH));

const stepSetting = v.object({ id: stepId, durationSec: stepDuration, enabled: v.boolean() });

const customStep = v.object({
  id: stepId,
  kind: v.picklist(STEP_KINDS),
  side: v.picklist(SIDES),
  durationSec: stepDuration,
  enabled: v.boolean(),
});

const override = v.object({ name: v.optional(name), steps: v.optional(v.array(stepSetting)) });

export const CUSTOMISATIONS_SCHEMA = v.object({
  builtIn: v.object(Object.fromEntries(BUILT_IN_PRESET_IDS.map((id) => [id, v.optional(override)]))),
  custom: v.pipe(
    v.array(v.object({ id: v.pipe(v.string(), v.regex(/^custom-[a-z0-9-]{1,40}$/)), name, steps: v.array(customStep) })),
    v.maxLength(MAX_CUSTOM_PRESETS),
  ),
});

export interface ParsedCustomisations {
  customisations: PresetCustomisations;
  /** True when something was stored but could not be read, and the built-in presets are in use. */
  invalid: boolean;
}

export function parsePresetCustomisations(stored: unknown): ParsedCustomisations {
  if (stored == null) return { customisations: EMPTY_CUSTOMISATIONS, invalid: false };
  const result = v.safeParse(CUSTOMISATIONS_SCHEMA, stored);
  return result.success ? { customisations: result.output, invalid: false } : { customisations: EMPTY_CUSTOMISATIONS, invalid: true };
}
