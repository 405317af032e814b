import type { ComfortPoint } from '@/utils/history/totals';
import { t } from '@/utils/platform/i18n';
import { ChartFigure } from './ChartFigure';
import { dayLabel } from './day-label';
import { DataTable, Legend } from './DataTable';
import { ValueAxis } from './ValueAxis';
import { CHART_HEIGHT, CHART_LEFT, CHART_TOP } from './WeekBars';

export interface ComfortTrendProps {
  points: readonly ComfortPoint[];
  /** The days the chart spans, oldest first: its time axis, whether rated or not. */
  days: readonly string[];
}

/** The same size whatever the number of days, so one rating and a month of them read alike. */
const WIDTH = 378;
const INSET = 12;
const SERIES = [
  { key: 'feet', label: 'history_feet', className: 'trend__feet' },
  { key: 'back', label: 'history_back', className: 'trend__back' },
] as const;

const oneDecimal = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1));

/** The comfort ratings after routines, feet and lower back, on a 0–10 scale over the days: a dot a rated day, joined by a line. */
export function ComfortTrend({ points, days }: ComfortTrendProps) {
  if (points.length === 0) return <p class="muted">{t('history_comfort_none')}</p>;
  const span = WIDTH - CHART_LEFT - 2 * INSET;
  const x = (day: string) => CHART_LEFT + INSET + (days.length < 2 ? span / 2 : (Math.max(0, days.indexOf(day)) / (days.length - 1)) * span);
  const y = (v: number) => CHART_TOP + CHART_HEIGHT - (v / 10) * CHART_HEIGHT;
  const first = days[0] ?? '';
  const last = days.at(-1) ?? first;
  return (
    <ChartFigure
      id="comfort"
      caption={t('history_comfort_caption')}
      chart={
        <>
          <svg class="trend" viewBox={`0 0 ${WIDTH} ${CHART_TOP + CHART_HEIGHT + 20}`} role="img" aria-labelledby="comfort-caption" data-testid="comfort-trend">
            <ValueAxis ticks={[0, 5, 10]} y={y} left={CHART_LEFT} right={WIDTH} />
            {SERIES.map(({ key, className }) => {
              const rated = points.flatMap((p) => (p[key] === undefined ? [] : [[x(p.day), y(p[key])] as const]));
              return (
                <g key={key} class={className}>
                  {rated.length > 1 && <polyline points={rated.map((p) => p.join(',')).join(' ')} />}
                  {rated.map(([cx, cy]) => (
                    <circle key={cx} cx={cx} cy={cy} r={3.5} />
                  ))}
                </g>
              );
            })}
            {[...new Set([first, last])].map((day) => (
              <text
                key={day}
                x={x(day)}
                y={CHART_TOP + CHART_HEIGHT + 16}
                text-anchor={days.length < 2 ? 'middle' : day === first ? 'start' : 'end'}
                class="axis"
              >
                {dayLabel(day, { day: 'numeric', month: 'short' })}
              </text>
            ))}
          </svg>
          <Legend items={SERIES.map((s) => ({ label: t(s.label), className: s.className }))} />
        </>
      }
      table={<DataTable columns={SERIES.map((s) => t(s.label))} rows={points.map((p) => ({ day: p.day, cells: [oneDecimal(p.feet), oneDecimal(p.back)] }))} />}
    />
  );
}
