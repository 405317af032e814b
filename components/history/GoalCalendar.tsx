import { goalMet, shiftDay, weekdayOf, type DailyTotals, type StreakOptions } from '@/utils/history/totals';
import { t, tCount } from '@/utils/platform/i18n';
import { dayLabel } from './day-label';
import { Legend } from './DataTable';

export interface GoalCalendarProps {
  totals: DailyTotals;
  today: string;
  /** The first day of the history: earlier days were before Roll Call, not missed. */
  start: string;
  options: StreakOptions;
}

const WEEKS = 12;
const CELL = 20;
/** Room for the weekday names on the left, and for the month and each week's first date on top. */
const LEFT = 36;
const TOP = 32;

const STATES = ['met', 'missed', 'inactive', 'today'] as const;
type CellState = (typeof STATES)[number];

/**
 * A column a week, Monday at the top, from the first day of the history (at
 * most twelve weeks back) to today: which active days met the routine goal.
 */
export function GoalCalendar({ totals, today, start, options }: GoalCalendarProps) {
  const mondayOffset = (weekdayOf(today) + 6) % 7;
  const earliest = shiftDay(today, -mondayOffset - (WEEKS - 1) * 7);
  const first = start > earliest ? start : earliest;
  const firstMonday = shiftDay(first, -((weekdayOf(first) + 6) % 7));
  let met = 0;
  let active = 0;
  const cells: Array<{ day: string; index: number; state: CellState }> = [];
  for (let index = 0, day = firstMonday; day <= today; day = shiftDay(firstMonday, ++index)) {
    if (day < first) continue;
    const isActive = options.activeDays.includes(weekdayOf(day));
    // A routine done on a day off still shows; only active days count towards the summary.
    const ok = goalMet(totals[day], options);
    // Today is not missed before it is over.
    if (isActive && (ok || day !== today)) active++;
    if (isActive && ok) met++;
    cells.push({ day, index, state: ok ? 'met' : day === today ? 'today' : isActive ? 'missed' : 'inactive' });
  }
  const weeks = Math.floor((cells.at(-1)?.index ?? 0) / 7) + 1;
  const width = LEFT + weeks * CELL;
  const height = TOP + 7 * CELL;
  const mondays = Array.from({ length: weeks }, (_, w) => shiftDay(firstMonday, w * 7));
  return (
    <figure class="chart" aria-labelledby="calendar-caption">
      <figcaption id="calendar-caption">{t('history_calendar')}</figcaption>
      <svg class="calendar" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="calendar-caption calendar-summary">
        {[0, 2, 4].map((row) => (
          <text key={row} x={LEFT - 6} y={TOP + row * CELL + CELL / 2} dy="0.35em" text-anchor="end" class="axis">
            {dayLabel(shiftDay(firstMonday, row), { weekday: 'short' })}
          </text>
        ))}
        {mondays.map((monday, w) => {
          const x = LEFT + w * CELL + (CELL - 2) / 2;
          const newMonth = w === 0 || monday.slice(0, 7) !== (mondays[w - 1] ?? '').slice(0, 7);
          return (
            <g key={monday}>
              {newMonth && (
                <text x={LEFT + w * CELL} y={10} class="axis">
                  {dayLabel(monday, { month: 'short' })}
                </text>
              )}
              <text x={x} y={TOP - 6} text-anchor="middle" class="axis axis--week">
                {Number(monday.slice(8))}
              </text>
            </g>
          );
        })}
        {cells.map(({ day, index, state }) => (
          <rect
            key={day}
            class={`cell cell--${state}${day === today ? ' cell--now' : ''}`}
            x={LEFT + Math.floor(index / 7) * CELL + 1}
            y={TOP + (index % 7) * CELL + 1}
            width={CELL - 4}
            height={CELL - 4}
            rx={3}
            data-day={day}
          >
            <title>{t(`history_calendar_${state}`, dayLabel(day))}</title>
          </rect>
        ))}
      </svg>
      <Legend items={STATES.map((state) => ({ label: t(`history_legend_${state}`), className: `cell--${state}` }))} />
      <p id="calendar-summary">
        {active === 0 ? t('history_calendar_empty') : t('history_calendar_summary', met, tCount('count_active_days', active), dayLabel(first))}
      </p>
    </figure>
  );
}
