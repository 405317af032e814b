import type { Preset, PresetCustomisations } from '@/utils/routine/presets';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { presetName } from '@/components/preset-name';
import { PresetEditor } from '@/components/PresetEditor';
import { Toggle } from '@/components/fields/Toggle';
import type { PolicyField } from '@/utils/settings/policy';

export interface RoutineSectionProps {
  settings: Settings;
  /** Settings the organisation's policy locks. */
  locked: readonly PolicyField[];
  presets: readonly Preset[];
  customisations: PresetCustomisations;
  save: (patch: Partial<Settings>) => void;
  savePresets: (customisations: PresetCustomisations) => void;
}

export function RoutineSection({ settings, locked, presets, customisations, save, savePresets }: RoutineSectionProps) {
  const onDeleted = (presetId: string) => {
    const patch: Partial<Settings> = {};
    if (settings.breakPresetId === presetId) patch.breakPresetId = DEFAULT_SETTINGS.breakPresetId;
    if (settings.fullRoutinePresetId === presetId) patch.fullRoutinePresetId = DEFAULT_SETTINGS.fullRoutinePresetId;
    if (Object.keys(patch).length > 0) save(patch);
  };
  return (
    <section id="routine" aria-labelledby="routine-heading">
      <h2 id="routine-heading">{t('options_routine')}</h2>
      {(['breakPresetId', 'fullRoutinePresetId'] as const).map((field) => {
        const isLocked = (locked as readonly string[]).includes(field);
        return (
          <div class="field" key={field}>
            <label for={`field-${field}`}>{t(`field_${field}`)}</label>
            <select
              id={`field-${field}`}
              value={settings[field]}
              disabled={isLocked}
              aria-describedby={isLocked ? `${field}-locked` : undefined}
              onChange={(e) => save({ [field]: e.currentTarget.value })}
            >
              {presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {presetName(p)}
                </option>
              ))}
            </select>
            {isLocked && (
              <p id={`${field}-locked`} class="field__hint">
                {t('policy_locked')}
              </p>
            )}
          </div>
        );
      })}
      <Toggle id="field-comfortCheck" label={t('field_comfortCheck')} checked={settings.comfortCheck} onChange={(v) => save({ comfortCheck: v })} />
      <h3>{t('editor_heading')}</h3>
      <PresetEditor presets={presets} customisations={customisations} onSave={savePresets} onDeleted={onDeleted} now={() => Date.now()} />
    </section>
  );
}
