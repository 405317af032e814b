import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { NumberSetting } from '@/components/fields/NumberSetting';

export interface GoalsProps {
  settings: Settings;
  save: (patch: Partial<Settings>) => void;
}

export function Goals({ settings, save }: GoalsProps) {
  return (
    <section id="goals" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('options_goals')}</h2>
      <NumberSetting field="goalRoutinesPerDay" value={settings.goalRoutinesPerDay} hint={t('hint_goalRoutinesPerDay')} onSave={(v) => save({ goalRoutinesPerDay: v })} />
      <NumberSetting field="goalBreaksPerDay" value={settings.goalBreaksPerDay} onSave={(v) => save({ goalBreaksPerDay: v })} />
      <NumberSetting field="goalLongestSittingMin" value={settings.goalLongestSittingMin} hint={t('hint_goalLongestSittingMin')} onSave={(v) => save({ goalLongestSittingMin: v })} />
    </section>
  );
}
