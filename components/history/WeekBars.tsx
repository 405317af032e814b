import type { DailyTotals } from '@/utils/history/totals';
import { t } from '@/utils/platform/i18n';
import { ChartFigure } from './ChartFigure';
import { dayLabel } from './day-label';
import { DataTable, Legend } from './DataTable';

export interface WeekBarsProps {
  totals: DailyTotals;
  days: readonly string[];
}

const SERIES = [
  { key: 'breaksTaken', label: 'history_breaks_taken', className: 'bar--taken' },
  { key: 'skipped', label: 'history_skipped', className: 'bar--skipped' },
  { key: 'snoozed', label: 'history_snoozed', className: 'bar--snoozed' },
] as const;

const HEIGHT = 100;
const GROUP = 44;
const BAR = 11;

/** Breaks taken, skipped and snoozed on each day, as grouped bars. */
export function WeekBars({ totals, days }: WeekBarsProps) {
  const value = (day: string, key: (typeof SERIES)[number]['key']) => totals[day]?.[key] ?? 0;
  const max = Math.max(1, ...days.flatMap((day) => SERIES.map((s) => value(day, s.key))));
  const width = days.length * GROUP;
  return (
    <ChartFigure
      id="week-bars"
      caption={t('history_week_caption')}
      chart={
        <>
          <svg class="bars" viewBox={`0 0 ${width} ${HEIGHT + 18}`} role="img" aria-labelledby="week-bars-caption" data-testid="week-bars">
            {days.map((day, i) => (
              <g key={day} transform={`translate(${i * GROUP + 5}, 0)`}>
                {SERIES.map((s, j) => {
                  const h = (value(day, s.key) / max) * HEIGHT;
                  return <rect key={s.key} class={`bar ${s.className}`} x={j * BAR} y={HEIGHT - h} width={BAR - 2} height={h} data-day={day} data-series={s.key} />;
                })}
                <text x={(SERIES.length * BAR) / 2} y={HEIGHT + 14} text-anchor="middle" class="axis">
                  {dayLabel(day, { weekday: 'narrow' })}
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
