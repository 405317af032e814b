import type { DailyTotals } from '@/utils/history/totals';
import { t } from '@/utils/platform/i18n';
import { ChartFigure } from './ChartFigure';
import { dayLabel } from './day-label';
import { DataTable, Legend } from './DataTable';
import { scaleTicks, ValueAxis } from './ValueAxis';

export interface WeekBarsProps {
  totals: DailyTotals;
  days: readonly string[];
}

const SERIES = [
  { key: 'breaksTaken', label: 'history_breaks_taken', className: 'bar--taken' },
  { key: 'skipped', label: 'history_skipped', className: 'bar--skipped' },
  { key: 'snoozed', label: 'history_snoozed', className: 'bar--snoozed' },
] as const;

/** Room for the value scale on the left, and above the top tick's label. */
export const CHART_LEFT = 28;
export const CHART_TOP = 8;
export const CHART_HEIGHT = 100;
const GROUP = 50;
const BAR = 12;

/** Breaks taken, skipped and snoozed on each day, as grouped bars over a count scale. */
export function WeekBars({ totals, days }: WeekBarsProps) {
  const value = (day: string, key: (typeof SERIES)[number]['key']) => totals[day]?.[key] ?? 0;
  const max = Math.max(0, ...days.flatMap((day) => SERIES.map((s) => value(day, s.key))));
  if (max === 0) return <p class="muted">{t('history_week_empty')}</p>;
  // A scale up to at least 4, so a day with one break shows a short bar, not a full one.
  const ticks = scaleTicks(Math.max(max, 4));
  const top = ticks.at(-1) ?? 1;
  const y = (v: number) => CHART_TOP + CHART_HEIGHT - (v / top) * CHART_HEIGHT;
  const width = CHART_LEFT + days.length * GROUP;
  return (
    <ChartFigure
      id="week-bars"
      caption={t('history_week_caption')}
      chart={
        <>
          <svg class="bars" viewBox={`0 0 ${width} ${CHART_TOP + CHART_HEIGHT + 20}`} role="img" aria-labelledby="week-bars-caption" data-testid="week-bars">
            <ValueAxis ticks={ticks} y={y} left={CHART_LEFT} right={width} />
            {days.map((day, i) => (
              <g key={day} transform={`translate(${CHART_LEFT + i * GROUP + 7}, 0)`}>
                {SERIES.map((s, j) => {
                  const v = value(day, s.key);
                  return (
                    <rect
                      key={s.key}
                      class={`bar ${s.className}`}
                      x={j * BAR}
                      y={y(v)}
                      width={BAR - 2}
                      height={y(0) - y(v)}
                      data-day={day}
                      data-series={s.key}
                    />
                  );
                })}
                <text x={(SERIES.length * BAR) / 2} y={y(0) + 16} text-anchor="middle" class="axis">
                  {dayLabel(day, { weekday: 'short' })}
                </text>
              </g>
            ))}
          </svg>
          <Legend items={SERIES.map((s) => ({ label: t(s.label), className: s.className }))} />
        </>
      }
      table={<DataTable columns={SERIES.map((s) => t(s.label))} rows={days.map((day) => ({ day, cells: SERIES.map((s) => value(day, s.key)) }))} />}
    />
  );
}
