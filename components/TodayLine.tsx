import { localDayKey } from '@/utils/events';
import { currentStreak, todaySummary } from '@/utils/history';
import type { Settings } from '@/utils/settings';
import { t } from '@/utils/platform/i18n';
import { useDailyTotals } from './use-history';

export interface TodayLineProps {
  settings: Settings;
  now: number;
}

/** One line of today's progress against the goals, and the streak. Read after the popup's first paint. */
export function TodayLine({ settings, now }: TodayLineProps) {
  const totals = useDailyTotals();
  if (!totals) return null;
  const today = localDayKey(now);
  const summary = todaySummary(totals, today, settings.fullRoutinePresetId);
  const streak = currentStreak(totals, today, settings);
  return (
    <p class="today">
      <span>
        {t('today_summary', summary.fullRoutines, settings.goalRoutinesPerDay, summary.breaksTaken, settings.goalBreaksPerDay, Math.round(summary.longestSittingMs / 60_000))}
      </span>{' '}
      <span class="today__streak">{streak.forgivenDays.length > 0 ? t('streak_forgiven', streak.days) : t('streak_days', streak.days)}</span>
    </p>
  );
}
