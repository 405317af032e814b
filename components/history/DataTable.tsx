import { t } from '@/utils/platform/i18n';
import { dayLabel } from './day-label';

export interface DataTableProps {
  /** Column headings after the day column. */
  columns: readonly string[];
  rows: ReadonlyArray<{ day: string; cells: ReadonlyArray<string | number> }>;
}

/** A chart's numbers as a table, one row a day: the accessible alternative every chart carries. */
export function DataTable({ columns, rows }: DataTableProps) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('history_day')}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.day}>
            <th scope="row">{dayLabel(row.day)}</th>
            {row.cells.map((cell, i) => (
              <td key={columns[i]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface LegendProps {
  items: ReadonlyArray<{ label: string; className: string }>;
}

/** The colour key under a chart; hidden from screen readers, which get the table instead. */
export function Legend({ items }: LegendProps) {
  return (
    <ul class="legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.className}>
          <span class={`swatch ${item.className}`} /> {item.label}
        </li>
      ))}
    </ul>
  );
}
