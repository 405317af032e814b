import type { DailyTotals } from '@/utils/history/totals';
import { comfortTrend } from '@/utils/history/totals';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { WeekBars } from './WeekBars';
import { GoalCalendar } from './GoalCalendar';
import { LongestStretch } from './LongestStretch';
import { ComfortTrend } from './ComfortTrend';

export interface HistoryChartsProps {
  totals: DailyTotals;
  today: string;
  start: string;
  week: string[];
  comfortDays: string[];
  settings: Settings;
}

/** The four charts of the history section: a chunk of their own, loaded as the section nears the screen (HistorySection). */
export function HistoryCharts({ totals, today, start, week, comfortDays, settings }: HistoryChartsProps) {
  return (
    <div class="history__charts">
      <h3>{t('history_week')}</h3>
      <WeekBars totals={totals} days={week} />
      <h3>{t('history_goal_heading')}</h3>
      <GoalCalendar totals={totals} today={today} start={start} options={settings} />
      <h3>{t('history_longest')}</h3>
      <LongestStretch totals={totals} days={week} goalMinutes={settings.goalLongestSittingMin} />
      <h3>{t('history_comfort')}</h3>
      <ComfortTrend points={comfortTrend(totals, comfortDays)} days={comfortDays} />
    </div>
  );
}
