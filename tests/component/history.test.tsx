// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { appendEvents } from '@/utils/history/events';
import { dailyTotals, lastDays } from '@/utils/history/totals';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { WeekBars } from '@/components/history/WeekBars';
import { GoalCalendar } from '@/components/history/GoalCalendar';
import { LongestStretch } from '@/components/history/LongestStretch';
import { ComfortTrend } from '@/components/history/ComfortTrend';
import { ComfortCheck } from '@/components/ComfortCheck';
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

  it('draws a bar for each day and series, with the same numbers as a table', () => {
    render(<WeekBars totals={totals} days={week} />);
    const chart = screen.getByRole('img', { name: 'Breaks taken, skipped and snoozed on each of the last 7 days' });
    expect(chart.querySelectorAll('rect')).toHaveLength(21);
    const tallest = chart.querySelector('rect[data-day="2026-11-25"][data-series="breaksTaken"]')!;
    expect(Number(tallest.getAttribute('height'))).toBe(100);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(rows.at(-1)!.textContent).toMatch(/2\s*0\s*0$/);
    expect(rows.at(-2)!.textContent).toMatch(/0\s*1\s*1$/);
  });

  it('marks each of twelve weeks of days as met, missed or inactive, with a text summary', () => {
    render(<GoalCalendar totals={totals} today="2026-11-25" options={DEFAULT_SETTINGS} />);
    const cells = screen.getByRole('img').querySelectorAll('rect');
    expect(cells.length).toBe(11 * 7 + 3);
    expect(screen.getByRole('img').querySelector('rect[data-day="2026-11-25"]')!.getAttribute('class')).toContain('cell--met');
    expect(screen.getByRole('img').querySelector('rect[data-day="2026-11-22"]')!.getAttribute('class')).toContain('cell--inactive');
    expect(screen.getByText('Goal met on 1 of the last 58 active days.')).toBeTruthy();
  });

  it('draws the longest stretch against the goal, and names the days over it', () => {
    render(<LongestStretch totals={totals} days={week} goalMinutes={45} />);
    expect(screen.getByRole('img').querySelector('.goal-line')).toBeTruthy();
    expect(screen.getByRole('img').querySelector('rect[data-day="2026-11-24"]')!.getAttribute('class')).toContain('bar--over');
    expect(screen.getByText('70 (over the goal)')).toBeTruthy();
  });

  it('says how to start rating when there is no comfort data, and draws the trend when there is', () => {
    render(<ComfortTrend points={[]} />);
    expect(screen.getByText(/^No ratings yet/)).toBeTruthy();
    cleanup();
    render(<ComfortTrend points={[{ day: '2026-11-24', feet: 6, back: 4.5 }]} />);
    expect(screen.getByRole('img', { name: /Average comfort/ })).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6.0', '4.5']);
  });
});

describe('comfort check', () => {
  afterEach(cleanup);

  it('sends the ratings chosen, and thanks', async () => {
    const send = vi.fn(async () => true);
    render(<ComfortCheck send={send} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save rating' }).disabled).toBe(true);
    fireEvent.click(within(screen.getByRole('group', { name: 'Feet (0 = sore, 10 = great)' })).getByRole('radio', { name: '8' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Lower back (0 = sore, 10 = great)' })).getByRole('radio', { name: '3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: 'rateComfort', feet: 8, back: 3 }));
    expect(await screen.findByText('Thanks — rating saved.')).toBeTruthy();
  });
});

describe('the popup’s line for today', () => {
  afterEach(cleanup);

  it('shows the full routine and breaks against the goals, and the streak, each number with its label', async () => {
    const today = { day: '2026-11-25', routinesCompleted: 1, fullRoutines: 1, breaksTaken: 2, longestSittingMs: 0, streakDays: 3, forgivenDays: 0 };
    render(<TodayLine settings={DEFAULT_SETTINGS} today={today} />);
    const figures = [...document.querySelectorAll('.today__stat')].map((stat) => [stat.querySelector('dt')?.textContent, stat.querySelector('dd')?.textContent]);
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
