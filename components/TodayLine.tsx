import type { TodayProgress } from '@/utils/display/popup-snapshot';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';

export interface TodayLineProps {
  today: TodayProgress;
  settings: Pick<Settings, 'goalRoutinesPerDay' | 'goalBreaksPerDay'>;
}

/** One line of today's progress against the goals, and the streak. */
export function TodayLine({ today, settings }: TodayLineProps) {
  return (
    <p class="today">
      <span>
        {t('today_summary', today.fullRoutines, settings.goalRoutinesPerDay, today.breaksTaken, settings.goalBreaksPerDay, Math.round(today.longestSittingMs / 60_000))}
      </span>{' '}
      <span class="today__streak">{today.forgivenDays > 0 ? t('streak_forgiven', today.streakDays) : t('streak_days', today.streakDays)}</span>
    </p>
  );
}
