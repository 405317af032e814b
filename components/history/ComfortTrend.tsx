import type { ComfortPoint } from '@/utils/history/totals';
import { t } from '@/utils/platform/i18n';
import { ChartFigure } from './ChartFigure';
import { DataTable, Legend } from './DataTable';

export interface ComfortTrendProps {
  points: readonly ComfortPoint[];
}

const HEIGHT = 80;
const STEP = 24;

function line(points: readonly ComfortPoint[], key: 'feet' | 'back'): string {
  return points
    .flatMap((p, i) => {
      const value = p[key];
      return value === undefined ? [] : [`${i * STEP + 10},${HEIGHT - (value / 10) * HEIGHT}`];
    })
    .join(' ');
}

const oneDecimal = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1));

/** The comfort ratings after routines, feet and lower back, as two lines over the rated days. */
export function ComfortTrend({ points }: ComfortTrendProps) {
  if (points.length === 0) return <p class="muted">{t('history_comfort_none')}</p>;
  const width = Math.max(points.length - 1, 1) * STEP + 20;
  return (
    <ChartFigure
      id="comfort"
      caption={t('history_comfort_caption')}
      chart={
        <>
          <svg class="trend" viewBox={`0 0 ${width} ${HEIGHT + 4}`} role="img" aria-labelledby="comfort-caption">
            <polyline class="trend__feet" points={line(points, 'feet')} />
            <polyline class="trend__back" points={line(points, 'back')} />
          </svg>
          <Legend
            items={[
              { label: t('history_feet'), className: 'trend__feet' },
              { label: t('history_back'), className: 'trend__back' },
            ]}
          />
        </>
      }
      table={<DataTable columns={[t('history_feet'), t('history_back')]} rows={points.map((p) => ({ day: p.day, cells: [oneDecimal(p.feet), oneDecimal(p.back)] }))} />}
    />
  );
}
