import type { Preset } from '@/utils/routine/presets';
import { isBuiltInPresetId, presetNameKey } from '@/utils/routine/preset-lookup';
import { t } from '@/utils/platform/i18n';

/**
 * A preset's name as the user sees it: theirs if they renamed it, else the
 * locale's. A routine deleted since it ran (known only by its id) gets a
 * plain name rather than its id.
 */
export function presetName(preset: Pick<Preset, 'id' | 'name'>): string {
  if (preset.name) return preset.name;
  return t(isBuiltInPresetId(preset.id) ? presetNameKey(preset.id) : 'preset_unknown_name');
}
