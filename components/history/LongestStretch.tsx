import type { DailyTotals } from '@/utils/history/totals';
import { t } from '@/utils/platform/i18n';
import { ChartFigure } from './ChartFigure';
import { dayLabel } from './day-label';
import { DataTable } from './DataTable';
import { scaleTicks, ValueAxis } from './ValueAxis';
import { CHART_HEIGHT, CHART_LEFT, CHART_TOP } from './WeekBars';

export interface LongestStretchProps {
  totals: DailyTotals;
  days: readonly string[];
  goalMinutes: number;
}

const GROUP = 50;

/** Each day's longest sitting stretch in minutes, with the goal as a dashed line; bars over it stand out. */
export function LongestStretch({ totals, days, goalMinutes }: LongestStretchProps) {
  const minutes = (day: string) => Math.round((totals[day]?.longestSittingMs ?? 0) / 60_000);
  const longest = Math.max(0, ...days.map(minutes));
  if (longest === 0) return <p class="muted">{t('history_longest_empty', goalMinutes)}</p>;
  const ticks = scaleTicks(Math.max(goalMinutes, longest));
  const top = ticks.at(-1) ?? 1;
  const y = (m: number) => CHART_TOP + CHART_HEIGHT - (m / top) * CHART_HEIGHT;
  const width = CHART_LEFT + days.length * GROUP;
  return (
    <ChartFigure
      id="longest"
      caption={t('history_longest_caption', goalMinutes)}
      chart={
        <svg class="bars" viewBox={`0 0 ${width} ${CHART_TOP + CHART_HEIGHT + 20}`} role="img" aria-labelledby="longest-caption" data-testid="longest-bars">
          <ValueAxis ticks={ticks} y={y} left={CHART_LEFT} right={width} />
          {days.map((day, i) => {
            const m = minutes(day);
            return (
              <g key={day} transform={`translate(${CHART_LEFT + i * GROUP + 10}, 0)`}>
                <rect class={`bar ${m > goalMinutes ? 'bar--over' : 'bar--taken'}`} x={0} y={y(m)} width={GROUP - 20} height={y(0) - y(m)} data-day={day} />
                <text x={(GROUP - 20) / 2} y={y(0) + 16} text-anchor="middle" class="axis">
                  {dayLabel(day, { weekday: 'short' })}
                </text>
              </g>
            );
          })}
          <line class="goal-line" x1={CHART_LEFT} x2={width} y1={y(goalMinutes)} y2={y(goalMinutes)} />
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
