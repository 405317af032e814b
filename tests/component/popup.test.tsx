// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messaging } from '@/utils/platform/messaging/send';
import { IDLE, applyRoutineCommand, tick, type RoutineState } from '@/utils/routine/timer';
import { BUILT_IN_PRESETS } from '@/utils/routine/presets';
import { App } from '@/entrypoints/popup/App';
import { appendEvents } from '@/utils/history/events';
import { dailyTotals } from '@/utils/history/totals';
import { seedSnapshot } from '../snapshot';
import { earlyPopupSnapshot, readPopupSnapshotEarly } from '@/components/use-snapshot';
import { mountRoutineView } from '@/entrypoints/popup/mount';
import { render as renderInto } from 'preact';

const T0 = new Date(2026, 10, 25, 10, 0).getTime();
const desk = BUILT_IN_PRESETS.find((p) => p.id === 'desk')!;

function runningDesk(at = T0): RoutineState {
  return applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: desk.steps }, at).state;
}

/** The desk break on its second step, where Previous goes back a step. */
function onSecondStep(): RoutineState {
  return applyRoutineCommand(runningDesk(), { type: 'skip' }, T0 + 10_000).state;
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

  it('has one primary action when idle, Start routine, and keeps the steps folded away', async () => {
    render(<App inWindow={false} />);
    await screen.findByRole('radio', { name: 'Desk break 5:00' });
    expect([...document.querySelectorAll('button.primary')].map((b) => b.textContent)).toEqual(['Start routine']);
    const fold = document.querySelector('details.steps-fold');
    expect(fold?.hasAttribute('open')).toBe(false);
    expect(fold?.querySelector('summary')?.textContent).toBe('Steps');
  });

  it('says when reminders are off on this browser, and turns them on from there', async () => {
    await seedSnapshot({ remindHere: false });
    render(<App inWindow={false} />);
    expect(await screen.findByText('Reminders are off on this browser')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn reminders on' }));
    await waitFor(() => expect(sent).toContainEqual({ type: 'remindHere', value: true }));
  });

  it('paints no snapshot from an older version, which may lack fields, and asks the background for a new one', async () => {
    const snapshot = await seedSnapshot();
    const { remindHere: _, ...older } = snapshot;
    await fakeBrowser.storage.local.set({ popup: { ...older, v: 1 } });
    render(<App inWindow={false} />);
    await waitFor(() => expect(messaging.sendMessage).toHaveBeenCalledWith('refresh', undefined));
    expect(screen.queryByText(/^Next break in/)).toBeNull();
    // The background's answer: a snapshot of this version, which the popup paints as it arrives.
    await seedSnapshot();
    expect(await screen.findByText(/^Next break in/)).toBeTruthy();
    expect(screen.queryByText('Reminders are off on this browser')).toBeNull();
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

  it('right after Skip, the next break is a full interval away, not one minute more', async () => {
    await seedSnapshot({ sitting: { sittingSince: T0 - 30 * 60_000, lastSeenAt: T0 } });
    render(<App inWindow={false} />);
    expect(await screen.findByText('Next break in 15 min')).toBeTruthy();
    // The view's effects have run, as they have long before anyone clicks: findBy* waits inside act(), which flushes them.
    // Seconds later, between two of the view's own ticks, the background stores the skip.
    vi.setSystemTime(T0 + 25_000);
    await seedSnapshot({ sitting: { sittingSince: T0 + 25_000, lastSeenAt: T0 + 25_000 } });
    expect(await screen.findByText('Next break in 45 min')).toBeTruthy();
  });

  it.each([
    ['Pause', { type: 'pause' }],
    ['Skip step', { type: 'skip' }],
    ['Previous step', { type: 'back' }],
    ['Stop routine', { type: 'stop' }],
  ])('the %s button sends its command', async (name, command) => {
    await seedRoutine(onSecondStep());
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
    await seedRoutine(onSecondStep());
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
    const totals = dailyTotals(
      appendEvents(
        [],
        [
          { ...completed, at: T0 - 5000 },
          { ...completed, at: T0 - 4000, presetId: 'full' },
        ],
      ),
    );
    await seedSnapshot({ routine: applyRoutineCommand(runningDesk(), { type: 'stop' }, T0 + 20_000).state, totals });
    render(<App inWindow={false} />);
    expect(await screen.findByRole('heading', { name: 'Routine stopped' })).toBeTruthy();
    expect(screen.getByText('0 of 5 steps done in 0:20')).toBeTruthy();
    expect(screen.getByText(/counts once you have spent at least half its length/)).toBeTruthy();
    expect(await screen.findByText('Today: 2 routines done · full routine 1 of 1')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'dismiss' }]));
  });

  it('names a routine deleted since it ran plainly, never by its id', async () => {
    const custom = applyRoutineCommand(IDLE, { type: 'start', presetId: 'custom-lx3k9a', steps: desk.steps }, T0).state;
    await seedRoutine(applyRoutineCommand(custom, { type: 'stop' }, T0 + 20_000).state);
    render(<App inWindow={false} />);
    expect(await screen.findByRole('heading', { name: 'Routine stopped' })).toBeTruthy();
    expect(screen.getByText('Your routine')).toBeTruthy();
    expect(document.body.textContent).not.toContain('custom-lx3k9a');
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

describe('opening on the finish view', () => {
  afterEach(() => {
    const root = document.getElementById('app');
    if (root) renderInto(null, root);
    root?.remove();
    vi.useRealTimers();
  });

  it('paints the finish view, whose code loads apart, in the very first render: no empty frame before it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 5 * 60_000 + 1000);
    await seedRoutine(tick(runningDesk(), T0 + 5 * 60_000).state);
    const root = document.createElement('div');
    root.id = 'app';
    document.body.append(root);
    const firstPaints: string[] = [];
    const observer = new MutationObserver(() => {
      if (firstPaints.length === 0 && root.childElementCount > 0) firstPaints.push(root.querySelector('h1')?.textContent ?? '');
    });
    observer.observe(root, { childList: true, subtree: true });
    mountRoutineView({ inWindow: false });
    await waitFor(() => expect(firstPaints).toHaveLength(1));
    // The view takes over the early read in an effect after its paint; until then a later test's view would start from it.
    await waitFor(() => expect(earlyPopupSnapshot()).toBeUndefined());
    observer.disconnect();
    expect(firstPaints).toEqual(['Routine complete']);
  });
});

describe('protecting the user’s effort', () => {
  let sent: unknown[];
  let reply: { ok: boolean; error?: string };
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 20_000);
    await seedSnapshot();
    sent = [];
    reply = { ok: true };
    vi.spyOn(messaging, 'sendMessage').mockImplementation((async (_type: string, data: unknown) => {
      sent.push(data);
      return reply;
    }) as never);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('Space after a click on Skip pauses, and never clicks Skip again', async () => {
    await seedRoutine(runningDesk());
    render(<App inWindow={false} />);
    const skip = await screen.findByRole('button', { name: 'Skip step' });
    fireEvent.click(skip);
    skip.focus();
    expect(document.activeElement).toBe(skip);
    // false: the default (the browser's click of the focused button) was prevented, on key down and key up.
    expect(fireEvent.keyDown(skip, { key: ' ' })).toBe(false);
    expect(fireEvent.keyUp(skip, { key: ' ' })).toBe(false);
    await waitFor(() => expect(sent).toEqual([{ type: 'skip' }, { type: 'pause' }]));
    // Enter still presses the focused button: it is left to the browser.
    expect(fireEvent.keyDown(skip, { key: 'Enter' })).toBe(true);
  });

  it('Space resumes a paused routine from a focused button too, and a held key sends once', async () => {
    await seedRoutine(applyRoutineCommand(runningDesk(), { type: 'pause' }, T0 + 5000).state);
    render(<App inWindow={false} />);
    const stop = await screen.findByRole('button', { name: 'Stop routine' });
    fireEvent.keyDown(stop, { key: ' ' });
    fireEvent.keyDown(stop, { key: ' ', repeat: true });
    await waitFor(() => expect(sent).toEqual([{ type: 'resume' }]));
  });

  it('Previous on the first step says it restarts the step; on a later step it goes back', async () => {
    await seedRoutine(runningDesk());
    render(<App inWindow={false} />);
    const restart = await screen.findByRole('button', { name: 'Restart step' });
    expect(restart.getAttribute('title')).toBe('Start the first step again from the beginning (←)');
    expect(screen.queryByRole('button', { name: 'Previous step' })).toBeNull();
    fireEvent.click(restart);
    await waitFor(() => expect(sent).toEqual([{ type: 'back' }]));
    await seedRoutine(onSecondStep());
    expect(await screen.findByRole('button', { name: 'Previous step' })).toBeTruthy();
  });

  it.each([
    ['Esc', () => fireEvent.keyDown(document.body, { key: 'Escape' })],
    ['Stop', () => fireEvent.click(screen.getByRole('button', { name: 'Stop routine' }))],
  ])('%s offers Undo for a few seconds, and Undo brings the routine back', async (_, stop) => {
    const running = runningDesk();
    await seedRoutine(running);
    render(<App inWindow={false} />);
    await screen.findByRole('timer');
    stop();
    await waitFor(() => expect(sent).toEqual([{ type: 'stop' }]));
    // The background answers as its timer does: the routine held, with 6 s to undo.
    const held = applyRoutineCommand(running, { type: 'stop' }, T0 + 20_000).state;
    await seedRoutine(held);
    expect(await screen.findByRole('heading', { name: 'Routine stopped' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('You can still undo this for 6 s.');
    expect(screen.getByText('0 of 5 steps done in 0:20')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'stop' }, { type: 'undoStop' }]));
    vi.setSystemTime(T0 + 23_000);
    await seedRoutine(applyRoutineCommand(held, { type: 'undoStop' }, T0 + 23_000).state);
    expect(await screen.findByRole('heading', { name: 'Roll your left foot' })).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toBe('1:10');
  });

  it('Space undoes a Stop while it can be undone; once the time is up, Undo is gone', async () => {
    const held = applyRoutineCommand(runningDesk(), { type: 'stop' }, T0 + 20_000).state;
    await seedRoutine(held);
    render(<App inWindow={false} />);
    const done = await screen.findByRole('button', { name: 'Done' });
    expect(fireEvent.keyDown(done, { key: ' ' })).toBe(false);
    await waitFor(() => expect(sent).toEqual([{ type: 'undoStop' }]));
    cleanup();
    vi.setSystemTime(T0 + 26_000);
    render(<App inWindow={false} />);
    expect(await screen.findByRole('heading', { name: 'Routine stopped' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('Done saves the comfort values picked, then closes the finish view; with none picked it only closes', async () => {
    const finished = tick(runningDesk(), T0 + 5 * 60_000).state;
    await seedRoutine(finished);
    render(<App inWindow={false} />);
    expect(await screen.findByRole('heading', { name: 'Routine complete' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
    fireEvent.click(within(screen.getByRole('group', { name: 'Feet (0 = sore, 10 = great)' })).getByRole('radio', { name: '8' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Lower back (0 = sore, 10 = great)' })).getByRole('radio', { name: '3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'rateComfort', feet: 8, back: 3 }, { type: 'dismiss' }]));
    cleanup();
    sent = [];
    render(<App inWindow={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Done' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'dismiss' }]));
  });

  it('a rating that could not be saved keeps the finish view and the values, and says why', async () => {
    await seedRoutine(tick(runningDesk(), T0 + 5 * 60_000).state);
    reply = { ok: false, error: 'error_storage_quota' };
    render(<App inWindow={false} />);
    fireEvent.click(within(await screen.findByRole('group', { name: 'Feet (0 = sore, 10 = great)' })).getByRole('radio', { name: '6' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(sent).toEqual([{ type: 'rateComfort', feet: 6 }]);
    expect(within(screen.getByRole('group', { name: 'Feet (0 = sore, 10 = great)' })).getByRole<HTMLInputElement>('radio', { name: '6' }).checked).toBe(true);
  });
});

describe('the side panel', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('the toolbar popup opens it in its own window, then closes', async () => {
    await seedSnapshot();
    // The fake's getCurrent finds no window; the popup's is window 7.
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    const open = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, { sidePanel: { open } });
    const close = vi.spyOn(globalThis.window, 'close').mockImplementation(() => undefined);
    try {
      render(<App inWindow={false} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Side panel' }));
      expect(open).toHaveBeenCalledWith({ windowId: 7 });
      await waitFor(() => expect(close).toHaveBeenCalled());
    } finally {
      Reflect.deleteProperty(fakeBrowser, 'sidePanel');
    }
  });

  it('says so when the browser will not open it', async () => {
    await seedSnapshot();
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    Object.assign(fakeBrowser, { sidePanel: { open: () => Promise.reject(new Error('no gesture')) } });
    try {
      render(<App inWindow={false} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Side panel' }));
      expect((await screen.findByRole('alert')).textContent).toBe('The side panel could not be opened. Try Pop out instead.');
    } finally {
      Reflect.deleteProperty(fakeBrowser, 'sidePanel');
    }
  });

  it('in the panel itself (and the pop-out window) there is no button to open a panel or a window', async () => {
    await seedRoutine(runningDesk());
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    const { container } = render(<App inWindow={false} inPanel />);
    expect(await screen.findByRole('timer')).toBeTruthy();
    expect(container.querySelector('.app--panel')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Side panel' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pop out' })).toBeNull();
    cleanup();
    render(<App inWindow />);
    await screen.findByRole('timer');
    expect(screen.queryByRole('button', { name: 'Side panel' })).toBeNull();
  });
});
