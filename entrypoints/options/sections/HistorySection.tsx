import { localDayKey } from '@/utils/day';
import { allTimeTotals, comfortTrend, currentStreak, historyStart, lastDays } from '@/utils/history/totals';
import type { Settings } from '@/utils/settings/settings';
import { t, tCount } from '@/utils/platform/i18n';
import { useHistory } from '@/components/use-history';
import { WeekBars } from '@/components/history/WeekBars';
import { GoalCalendar } from '@/components/history/GoalCalendar';
import { LongestStretch } from '@/components/history/LongestStretch';
import { ComfortTrend } from '@/components/history/ComfortTrend';

export interface HistorySectionProps {
  settings: Settings;
  now: number;
}

/** Whether the habit is forming: the week, twelve weeks of the routine goal, sitting stretches, comfort. */
export function HistorySection({ settings, now }: HistorySectionProps) {
  const history = useHistory(now);
  if (!history) return null;
  const { totals, dropped } = history;
  const today = localDayKey(now);
  const week = lastDays(today, 7);
  const streak = currentStreak(totals, today, settings);
  const all = allTimeTotals(totals);
  const start = historyStart(totals, today);
  const comfortDays = lastDays(today, 30).filter((day) => day >= start);
  return (
    <section id="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('options_history')}</h2>
      {dropped > 0 && (
        <p class="warning" role="status">
          {tCount('history_dropped', dropped)}
        </p>
      )}
      <p class="streak">{t('history_streak', streak.days)}</p>
      <p class="field__hint">
        {t('history_streak_rule')} {streak.forgivenDays.length > 0 && t('history_streak_forgiven', streak.forgivenDays.length)}
      </p>
      <h3>{t('history_week')}</h3>
      <WeekBars totals={totals} days={week} />
      <h3>{t('history_goal_heading')}</h3>
      <GoalCalendar totals={totals} today={today} start={start} options={settings} />
      <h3>{t('history_longest')}</h3>
      <LongestStretch totals={totals} days={week} goalMinutes={settings.goalLongestSittingMin} />
      <h3>{t('history_comfort')}</h3>
      <ComfortTrend points={comfortTrend(totals, comfortDays)} days={comfortDays} />
      <h3>{t('history_totals')}</h3>
      {all.daysRecorded === 0 ? (
        <p class="muted">{t('history_totals_none')}</p>
      ) : (
        <p>
          {t(
            'history_totals_text',
            tCount('count_breaks', all.breaksTaken),
            tCount('count_routines', all.routinesCompleted),
            tCount('count_minutes', all.routineMinutes),
            tCount('count_days', all.daysRecorded),
          )}
        </p>
      )}
    </section>
  );
}
