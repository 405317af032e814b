import { isBuiltInPresetId, presetNameKey, type Preset } from '@/utils/routine/presets';
import { t, type MessageKey } from '@/utils/platform/i18n';

/** A preset's name as the user sees it: theirs if they renamed it, else the locale's. */
export function presetName(preset: Pick<Preset, 'id' | 'name'>): string {
  if (preset.name) return preset.name;
  return isBuiltInPresetId(preset.id) ? t(presetNameKey(preset.id)) : preset.id;
}
