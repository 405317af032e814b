import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { NumberSetting } from '@/components/fields/NumberSetting';
import type { PolicyField } from '@/utils/settings/policy';

export interface GoalsProps {
  settings: Settings;
  /** Settings the organisation's policy locks. */
  locked: readonly PolicyField[];
  save: (patch: Partial<Settings>) => void;
}

export function Goals({ settings, locked, save }: GoalsProps) {
  return (
    <section id="goals" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('options_goals')}</h2>
      <NumberSetting
        field="goalRoutinesPerDay"
        value={settings.goalRoutinesPerDay}
        locked={locked.includes('goalRoutinesPerDay')}
        hint={t('hint_goalRoutinesPerDay')}
        onSave={(v) => save({ goalRoutinesPerDay: v })}
      />
      <NumberSetting
        field="goalBreaksPerDay"
        value={settings.goalBreaksPerDay}
        locked={locked.includes('goalBreaksPerDay')}
        onSave={(v) => save({ goalBreaksPerDay: v })}
      />
      <NumberSetting
        field="goalLongestSittingMin"
        value={settings.goalLongestSittingMin}
        locked={locked.includes('goalLongestSittingMin')}
        hint={t('hint_goalLongestSittingMin')}
        onSave={(v) => save({ goalLongestSittingMin: v })}
      />
    </section>
  );
}
