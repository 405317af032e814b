import type { DailyTotals } from '@/utils/history/totals';
import { t } from '@/utils/platform/i18n';
import { ChartFigure } from './ChartFigure';
import { dayLabel } from './day-label';
import { DataTable } from './DataTable';

export interface LongestStretchProps {
  totals: DailyTotals;
  days: readonly string[];
  goalMinutes: number;
}

const HEIGHT = 100;
const GROUP = 44;

/** Each day's longest sitting stretch, with the goal as a dashed line; bars over it stand out. */
export function LongestStretch({ totals, days, goalMinutes }: LongestStretchProps) {
  const minutes = (day: string) => Math.round((totals[day]?.longestSittingMs ?? 0) / 60_000);
  const max = Math.max(goalMinutes * 1.25, ...days.map(minutes), 1);
  const y = (m: number) => HEIGHT - (m / max) * HEIGHT;
  const width = days.length * GROUP;
  return (
    <ChartFigure
      id="longest"
      caption={t('history_longest_caption', goalMinutes)}
      chart={
        <svg class="bars" viewBox={`0 0 ${width} ${HEIGHT + 18}`} role="img" aria-labelledby="longest-caption" data-testid="longest-bars">
          {days.map((day, i) => {
            const m = minutes(day);
            return (
              <g key={day} transform={`translate(${i * GROUP + 8}, 0)`}>
                <rect class={`bar ${m > goalMinutes ? 'bar--over' : 'bar--taken'}`} x={0} y={y(m)} width={GROUP - 16} height={HEIGHT - y(m)} data-day={day} />
                <text x={(GROUP - 16) / 2} y={HEIGHT + 14} text-anchor="middle" class="axis">
                  {dayLabel(day, { weekday: 'narrow' })}
                </text>
              </g>
            );
          })}
          <line class="goal-line" x1={0} x2={width} y1={y(goalMinutes)} y2={y(goalMinutes)} />
        </svg>
      }
      table={
        <DataTable
          columns={[t('history_minutes')]}
          rows={days.map((day) => ({ day, cells: [`${minutes(day)}${minutes(day) > goalMinutes ? ` (${t('history_over_goal')})` : ''}`] }))}
        />
      }
    />
  );
}
