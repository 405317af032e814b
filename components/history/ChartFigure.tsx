import type { ComponentChildren } from 'preact';
import { t } from '@/utils/platform/i18n';

export interface ChartFigureProps {
  id: string;
  caption: string;
  /** The chart; it is labelled by the caption and drawn for sighted users. */
  chart: ComponentChildren;
  /** The same data as a table, for screen readers and for anyone who prefers numbers. */
  table: ComponentChildren;
}

/** A small hand-built chart with its caption and a table alternative. */
export function ChartFigure({ id, caption, chart, table }: ChartFigureProps) {
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {chart}
      <details>
        <summary>{t('history_show_table')}</summary>
        {table}
      </details>
    </figure>
  );
}
