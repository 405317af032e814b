import { goalMet, lastDays, shiftDay, weekdayOf, type DailyTotals, type StreakOptions } from '@/utils/history/totals';
import { t } from '@/utils/platform/i18n';
import { dayLabel } from './day-label';

export interface GoalCalendarProps {
  totals: DailyTotals;
  today: string;
  options: StreakOptions;
}

const WEEKS = 12;
const CELL = 14;

/** Twelve weeks, a column each, Monday at the top: which active days met the routine goal. */
export function GoalCalendar({ totals, today, options }: GoalCalendarProps) {
  // Start on the Monday 11 weeks before this week's Monday.
  const mondayOffset = (weekdayOf(today) + 6) % 7;
  const start = shiftDay(today, -mondayOffset - (WEEKS - 1) * 7);
  const days = lastDays(today, mondayOffset + 1 + (WEEKS - 1) * 7);
  let met = 0;
  let active = 0;
  const cells = days.map((day, i) => {
    const isActive = options.activeDays.includes(weekdayOf(day));
    const ok = isActive && goalMet(totals[day], options);
    if (isActive) active++;
    if (ok) met++;
    const state = !isActive ? 'inactive' : ok ? 'met' : 'missed';
    return { day, i, state };
  });
  const label = (day: string, state: string) =>
    t(state === 'met' ? 'history_calendar_met' : state === 'missed' ? 'history_calendar_missed' : 'history_calendar_inactive', dayLabel(day, { weekday: 'short', month: 'short', day: 'numeric' }));
  return (
    <figure class="chart" aria-labelledby="calendar-caption">
      <figcaption id="calendar-caption">{t('history_calendar')}</figcaption>
      <svg class="calendar" viewBox={`0 0 ${WEEKS * CELL} ${7 * CELL}`} role="img" aria-labelledby="calendar-caption calendar-summary" data-start={start}>
        {cells.map(({ day, i, state }) => (
          <rect key={day} class={`cell cell--${state}`} x={Math.floor(i / 7) * CELL + 1} y={(i % 7) * CELL + 1} width={CELL - 3} height={CELL - 3} rx={2} data-day={day}>
            <title>{label(day, state)}</title>
          </rect>
        ))}
      </svg>
      <p id="calendar-summary">{t('history_calendar_summary', met, active)}</p>
    </figure>
  );
}
