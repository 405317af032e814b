// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { appendEvents } from '@/utils/history/events';
import { dailyTotals, historyStart, lastDays } from '@/utils/history/totals';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { WeekBars } from '@/components/history/WeekBars';
import { GoalCalendar } from '@/components/history/GoalCalendar';
import { LongestStretch } from '@/components/history/LongestStretch';
import { ComfortTrend } from '@/components/history/ComfortTrend';
import { scaleTicks } from '@/components/history/ValueAxis';
import { TodayLine } from '@/components/TodayLine';

const at = (d: number, h = 12) => new Date(2026, 10, d, h).getTime();
const events = appendEvents(
  [],
  [
    { type: 'breakTaken', at: at(25, 9), how: 'natural' },
    { type: 'breakTaken', at: at(25, 11), how: 'routine' },
    { type: 'skipped', at: at(24) },
    { type: 'snoozed', at: at(24), count: 1 },
    { type: 'sittingEnded', at: at(24), startedAt: 0, durationMs: 70 * 60_000 },
    { type: 'routineCompleted', at: at(25, 11), presetId: 'full', durationMs: 19 * 60_000, stepsDone: 7, stepsTotal: 7 },
  ],
);
const totals = dailyTotals(events);
const week = lastDays('2026-11-25', 7);

describe('history charts', () => {
  afterEach(cleanup);

  it('draws a bar for each day and series over a count scale, with short weekday names and the same numbers as a table', () => {
    render(<WeekBars totals={totals} days={week} />);
    const chart = screen.getByRole('img', { name: 'Breaks taken, skipped and snoozed on each of the last 7 days' });
    expect(chart.querySelectorAll('rect')).toHaveLength(21);
    // The scale runs to at least 4, so two breaks fill half the height.
    expect([...chart.querySelectorAll('.scale text')].map((t) => t.textContent)).toEqual(['0', '1', '2', '3', '4']);
    const tallest = chart.querySelector('rect[data-day="2026-11-25"][data-series="breaksTaken"]')!;
    expect(Number(tallest.getAttribute('height'))).toBe(50);
    expect([...chart.querySelectorAll(':scope > g > text')].map((t) => t.textContent)).toEqual(['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(within(rows.at(-1)!).getByRole('rowheader').textContent).toBe('Wed, Nov 25');
    expect(rows.at(-1)!.textContent).toMatch(/2\s*0\s*0$/);
    expect(rows.at(-2)!.textContent).toMatch(/0\s*1\s*1$/);
  });

  it('rounds a value scale to steps of 1, 2 or 5 that reach past the largest value', () => {
    expect(scaleTicks(0)).toEqual([0, 1]);
    expect(scaleTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(scaleTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(scaleTicks(56)).toEqual([0, 20, 40, 60]);
    expect(scaleTicks(130)).toEqual([0, 50, 100, 150]);
  });

  it('starts the calendar at the first day of the history, marks today, and labels the weeks and months', () => {
    render(<GoalCalendar totals={totals} today="2026-11-25" start="2026-11-24" options={DEFAULT_SETTINGS} />);
    const calendar = screen.getByRole('img');
    expect([...calendar.querySelectorAll('rect')].map((c) => c.getAttribute('data-day'))).toEqual(['2026-11-24', '2026-11-25']);
    expect(calendar.querySelector('rect[data-day="2026-11-25"]')!.getAttribute('class')).toBe('cell cell--met cell--now');
    expect(calendar.querySelector('rect[data-day="2026-11-24"]')!.getAttribute('class')).toBe('cell cell--missed');
    // The week's Monday and its month head the column; the rows are named by weekday.
    expect([...calendar.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Mon', 'Wed', 'Fri', 'Nov', '23']);
    expect(screen.getByText('Since Tue, Nov 24, you met your goal on 1 of 2 active days.')).toBeTruthy();
  });

  it('counts only the days since the history began, and reaches back at most twelve weeks', () => {
    render(<GoalCalendar totals={totals} today="2026-11-25" start="2020-01-01" options={DEFAULT_SETTINGS} />);
    const cells = screen.getByRole('img').querySelectorAll('rect');
    expect(cells.length).toBe(11 * 7 + 3);
    expect(screen.getByRole('img').querySelector('rect[data-day="2026-11-22"]')!.getAttribute('class')).toContain('cell--inactive');
    expect(screen.getByText('Since Mon, Sep 7, you met your goal on 1 of 58 active days.')).toBeTruthy();
  });

  it('on the first day shows only today, not yet missed, and says what the calendar will show', () => {
    render(<GoalCalendar totals={{}} today="2026-11-25" start="2026-11-25" options={DEFAULT_SETTINGS} />);
    const cells = screen.getByRole('img').querySelectorAll('rect');
    expect([...cells].map((c) => c.getAttribute('class'))).toEqual(['cell cell--today cell--now']);
    expect(screen.getByText(/^Each active day on which you do your full routine turns green here/)).toBeTruthy();
  });

  it('dates the history from its earliest recorded day, else today', () => {
    expect(historyStart({}, '2026-11-25')).toBe('2026-11-25');
    expect(historyStart(totals, '2026-11-25')).toBe('2026-11-24');
  });

  it('draws the longest stretch in minutes on a scale, against the goal, and names the days over it', () => {
    render(<LongestStretch totals={totals} days={week} goalMinutes={45} />);
    const chart = screen.getByRole('img');
    expect(chart.querySelector('.goal-line')).toBeTruthy();
    expect([...chart.querySelectorAll('.scale text')].map((t) => t.textContent)).toEqual(['0', '20', '40', '60', '80']);
    expect(chart.querySelector('rect[data-day="2026-11-24"]')!.getAttribute('class')).toContain('bar--over');
    expect(screen.getByText('70 (over the goal)')).toBeTruthy();
  });

  it('says in a sentence what each chart will show, instead of an empty chart', () => {
    const quietWeek = lastDays('2026-12-20', 7);
    render(
      <>
        <WeekBars totals={totals} days={quietWeek} />
        <LongestStretch totals={totals} days={quietWeek} goalMinutes={45} />
        <ComfortTrend points={[]} days={quietWeek} />
      </>,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/^Your breaks will show here as bars/)).toBeTruthy();
    expect(screen.getByText(/next to your goal of 45 minutes\.$/)).toBeTruthy();
    expect(screen.getByText(/^Your comfort ratings will show here/)).toBeTruthy();
  });

  it('draws one rating as dots on a fixed 0–10 chart, dated, and many as lines of the same size', () => {
    render(<ComfortTrend points={[{ day: '2026-11-24', feet: 6, back: 4.5 }]} days={['2026-11-24']} />);
    const one = screen.getByRole('img', { name: /Average comfort/ });
    expect(one.querySelectorAll('circle')).toHaveLength(2);
    expect(one.querySelector('polyline')).toBeNull();
    expect([...one.querySelectorAll('.scale text')].map((t) => t.textContent)).toEqual(['0', '5', '10']);
    expect([...one.querySelectorAll(':scope > text')].map((t) => t.textContent)).toEqual(['Nov 24']);
    const box = one.getAttribute('viewBox');
    expect(
      within(screen.getByRole('table'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['6.0', '4.5']);
    cleanup();
    const month = lastDays('2026-11-25', 30);
    render(<ComfortTrend points={month.map((day, i) => ({ day, feet: i % 11, back: 10 - (i % 11) }))} days={month} />);
    const many = screen.getByRole('img', { name: /Average comfort/ });
    expect(many.getAttribute('viewBox')).toBe(box);
    expect(many.querySelectorAll('polyline')).toHaveLength(2);
    expect([...many.querySelectorAll(':scope > text')].map((t) => t.textContent)).toEqual(['Oct 27', 'Nov 25']);
  });
});

describe('the popup’s line for today', () => {
  afterEach(cleanup);

  it('shows the full routine and breaks against the goals, and the streak, each number with its label', async () => {
    const today = { day: '2026-11-25', routinesCompleted: 1, fullRoutines: 1, breaksTaken: 2, longestSittingMs: 0, streakDays: 3, forgivenDays: 0 };
    render(<TodayLine settings={DEFAULT_SETTINGS} today={today} />);
    const figures = [...document.querySelectorAll('.today__stat')].map((stat) => [
      stat.querySelector('dt')?.textContent,
      stat.querySelector('dd')?.textContent,
    ]);
    expect(figures).toEqual([
      ['full routine', '1/1'],
      ['breaks', '2/6'],
      ['days in a row', '3'],
    ]);
    expect(await screen.findByRole('heading', { name: 'Today' })).toBeTruthy();
  });

  it('says when a rest day was forgiven in the streak', async () => {
    const today = { day: '2026-11-25', routinesCompleted: 0, fullRoutines: 0, breaksTaken: 0, longestSittingMs: 0, streakDays: 4, forgivenDays: 1 };
    render(<TodayLine settings={DEFAULT_SETTINGS} today={today} />);
    expect(await screen.findByText('days in a row, a rest day forgiven')).toBeTruthy();
  });
});

describe('the history section with damaged totals', () => {
  afterEach(cleanup);

  it('keeps every folded day when the fold marker cannot be read, and says one entry could not be read', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { HistorySection } = await import('@/entrypoints/options/sections/HistorySection');
    const now = at(25, 12);
    await fakeBrowser.storage.local.set({ totals: { through: 'damaged', days: dailyTotals(events.filter((e) => e.day < '2026-11-25')), dropped: 0 } });
    render(<HistorySection settings={DEFAULT_SETTINGS} now={now} />);
    expect((await screen.findByText(/could not be read/)).textContent).toBe('1 history entry could not be read and was left out.');
    // Yesterday's folded day is still there, not rebuilt from nothing.
    expect(screen.getByText(/over 1 day\./)).toBeTruthy();
    expect(screen.queryByText(/Nothing recorded yet/)).toBeNull();
  });
});
