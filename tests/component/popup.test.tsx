// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messaging } from '@/utils/platform/messaging';
import { IDLE, applyRoutineCommand, type RoutineState } from '@/utils/routine/timer';
import { BUILT_IN_PRESETS } from '@/utils/routine/presets';
import { App } from '@/entrypoints/popup/App';
import { appendEvents } from '@/utils/history/events';
import { dailyTotals } from '@/utils/history/totals';
import { seedSnapshot } from '../snapshot';
import { readPopupSnapshotEarly } from '@/components/use-snapshot';

const T0 = new Date(2026, 10, 25, 10, 0).getTime();
const desk = BUILT_IN_PRESETS.find((p) => p.id === 'desk')!;

function runningDesk(at = T0): RoutineState {
  return applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: desk.steps }, at).state;
}

async function seedRoutine(state: RoutineState) {
  await seedSnapshot({ routine: state });
}

describe('popup', () => {
  let sent: unknown[];
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 20_000);
    await seedSnapshot();
    sent = [];
    vi.spyOn(messaging, 'sendMessage').mockImplementation((async (_type: string, data: unknown) => {
      sent.push(data);
      return { ok: true };
    }) as never);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('offers the routines with their lengths, the break routine first chosen', async () => {
    render(<App inWindow={false} />);
    expect(await screen.findByRole('radio', { name: 'Desk break 5:00' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Full reset 19:00' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Lower-back relief 9:00' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start routine' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'start', presetId: 'back' }]));
  });

  it('shows "Get ready", the coming step and a countdown during a lead-in, and Start now skips the rest of it', async () => {
    // Started 2 s ago, with a 5 s lead-in.
    await seedRoutine(applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: desk.steps, leadInSec: 5 }, T0 + 18_000).state);
    render(<App inWindow={false} />);
    expect(await screen.findByText('Get ready')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Roll your left foot' })).toBeTruthy();
    expect(screen.getByRole('timer', { name: 'Seconds until the step starts' }).textContent).toBe('0:03');
    // 3 s of this lead-in, 5:00 of steps and the four lead-ins still to come.
    expect(screen.getByText('Step 1 of 5 · 5:23 left')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start now' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'skip' }]));
  });

  it('shows the step itself once its lead-in is over', async () => {
    await seedRoutine(applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: desk.steps, leadInSec: 5 }, T0 + 10_000).state);
    render(<App inWindow={false} />);
    expect(await screen.findByRole('timer', { name: 'Time left in this step' })).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toBe('1:25');
    expect(screen.queryByText('Get ready')).toBeNull();
    expect(screen.getByRole('button', { name: 'Skip step' })).toBeTruthy();
  });

  it('renders a running routine from storage, with time worked out from its timestamps', async () => {
    await seedRoutine(runningDesk());
    render(<App inWindow={false} />);
    expect(await screen.findByRole('heading', { name: 'Roll your left foot' })).toBeTruthy();
    expect(screen.getByRole('timer', { name: 'Time left in this step' }).textContent).toBe('1:10');
    expect(screen.getByText('Step 1 of 5 · 4:40 left')).toBeTruthy();
    expect(screen.getByText('Next: Roll your right foot')).toBeTruthy();
    expect(screen.getByText('Left side')).toBeTruthy();
  });

  it.each([
    ['Pause', { type: 'pause' }],
    ['Skip step', { type: 'skip' }],
    ['Previous step', { type: 'back' }],
    ['Stop routine', { type: 'stop' }],
  ])('the %s button sends its command', async (name, command) => {
    await seedRoutine(runningDesk());
    render(<App inWindow={false} />);
    fireEvent.click(await screen.findByRole('button', { name }));
    await waitFor(() => expect(sent).toEqual([command]));
  });

  it('shows Resume while paused, and sends it', async () => {
    await seedRoutine(applyRoutineCommand(runningDesk(), { type: 'pause' }, T0 + 5000).state);
    render(<App inWindow={false} />);
    expect(await screen.findByText('Paused')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toBe('1:25');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'resume' }]));
  });

  it.each([
    [' ', { type: 'pause' }],
    ['ArrowRight', { type: 'skip' }],
    ['ArrowLeft', { type: 'back' }],
    ['Escape', { type: 'stop' }],
  ])('the %j key sends %j', async (key, command) => {
    await seedRoutine(runningDesk());
    render(<App inWindow={false} />);
    await screen.findByRole('timer');
    fireEvent.keyDown(document.body, { key });
    await waitFor(() => expect(sent).toEqual([command]));
  });

  it('names the shortcuts in the controls’ titles', async () => {
    await seedRoutine(runningDesk());
    render(<App inWindow={false} />);
    expect((await screen.findByRole('button', { name: 'Pause' })).getAttribute('title')).toBe('Pause (Space)');
    expect(screen.getByRole('button', { name: 'Skip step' }).getAttribute('title')).toBe('Skip step (→)');
    expect(screen.getByRole('button', { name: 'Previous step' }).getAttribute('title')).toBe('Previous step (←)');
    expect(screen.getByRole('button', { name: 'Stop routine' }).getAttribute('title')).toBe('Stop routine (Esc)');
  });

  it('follows the state live when the background moves the routine on', async () => {
    await seedRoutine(runningDesk());
    render(<App inWindow={false} />);
    await screen.findByRole('heading', { name: 'Roll your left foot' });
    await seedRoutine(applyRoutineCommand(runningDesk(), { type: 'skip' }, T0 + 20_000).state);
    expect(await screen.findByRole('heading', { name: 'Roll your right foot' })).toBeTruthy();
  });

  it('shows the finish view with today’s progress, and Done dismisses it', async () => {
    await seedRoutine(applyRoutineCommand(runningDesk(), { type: 'stop' }, T0 + 20_000).state);
    const completed = { type: 'routineCompleted', presetId: 'desk', durationMs: 1, stepsDone: 5, stepsTotal: 5 } as const;
    const totals = dailyTotals(appendEvents([], [{ ...completed, at: T0 - 5000 }, { ...completed, at: T0 - 4000, presetId: 'full' }]));
    await seedSnapshot({ routine: applyRoutineCommand(runningDesk(), { type: 'stop' }, T0 + 20_000).state, totals });
    render(<App inWindow={false} />);
    expect(await screen.findByRole('heading', { name: 'Routine stopped' })).toBeTruthy();
    expect(screen.getByText('0:20 · 0 of 5 steps done')).toBeTruthy();
    expect(screen.getByText(/counts once you have spent at least half its length/)).toBeTruthy();
    expect(await screen.findByText('Today: 2 routines done · full routine 1 of 1')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'dismiss' }]));
  });

  it('says “1 routine” after the first routine of the day', async () => {
    const stopped = applyRoutineCommand(runningDesk(), { type: 'stop' }, T0 + 20_000).state;
    const completed = { type: 'routineCompleted', presetId: 'desk', durationMs: 1, stepsDone: 5, stepsTotal: 5, at: T0 - 5000 } as const;
    await seedSnapshot({ routine: stopped, totals: dailyTotals(appendEvents([], [completed])) });
    render(<App inWindow={false} />);
    expect(await screen.findByText('Today: 1 routine done · full routine 0 of 1')).toBeTruthy();
  });

  it('shows why a command was refused', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue({ ok: false, error: 'error_no_steps' } as never);
    render(<App inWindow={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start routine' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That routine has no steps turned on.');
  });

  it('says when stored settings could not be read', async () => {
    await seedSnapshot({ invalidSettingsFields: ['sittingIntervalMin'] });
    render(<App inWindow={false} />);
    expect((await screen.findByRole('status')).textContent).toContain('Sitting interval (minutes)');
  });
});

describe('popup snapshot', () => {
  afterEach(cleanup);

  it('asks the background to rebuild a missing or foreign snapshot', async () => {
    const send = vi.spyOn(messaging, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await fakeBrowser.storage.local.set({ popup: { v: 0, whatever: true } });
    render(<App inWindow={false} />);
    await waitFor(() => expect(send).toHaveBeenCalledWith('refresh', undefined));
    await seedSnapshot();
    expect(await screen.findByRole('button', { name: 'Start routine' })).toBeTruthy();
  });

  it('paints the stored state in its very first render once the early read is in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 20_000);
    try {
      await seedRoutine(runningDesk());
      await readPopupSnapshotEarly();
      render(<App inWindow={false} />);
      // No await: the first render already holds the running step.
      expect(screen.getByRole('heading', { name: 'Roll your left foot' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the snapshot before the first render, and keeps a write made before the view mounted', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 20_000);
    try {
      await seedSnapshot();
      void readPopupSnapshotEarly();
      // The background moves on between the early read and the first render.
      await seedRoutine(runningDesk());
      render(<App inWindow={false} />);
      expect(await screen.findByRole('heading', { name: 'Roll your left foot' })).toBeTruthy();
      await seedRoutine(applyRoutineCommand(runningDesk(), { type: 'skip' }, T0 + 20_000).state);
      expect(await screen.findByRole('heading', { name: 'Roll your right foot' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
