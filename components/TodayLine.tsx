import type { TodayProgress } from '@/utils/display/popup-snapshot';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';

export interface TodayLineProps {
  today: TodayProgress;
  settings: Pick<Settings, 'goalRoutinesPerDay' | 'goalBreaksPerDay'>;
}

/**
 * Today's progress at a glance: three figures, each number above its label,
 * so that neither language wraps a sentence across the popup's width.
 */
export function TodayLine({ today, settings }: TodayLineProps) {
  const stats: Array<[value: string, label: string]> = [
    [`${today.fullRoutines}/${settings.goalRoutinesPerDay}`, t('today_full')],
    [`${today.breaksTaken}/${settings.goalBreaksPerDay}`, t('today_breaks')],
    [String(today.streakDays), today.forgivenDays > 0 ? t('today_streak_forgiven') : t('today_streak')],
  ];
  return (
    <section class="today" aria-labelledby="today-heading">
      <h2 id="today-heading" class="visually-hidden">
        {t('today_heading')}
      </h2>
      <dl class="today__stats">
        {stats.map(([value, label]) => (
          <div key={label} class="today__stat">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
