// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SittingStatus } from '@/components/SittingStatus';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { messaging } from '@/utils/platform/messaging/send';
import type { SittingState } from '@/utils/sitting/rules';
import { ReminderChoice } from '@/entrypoints/reminder/ReminderChoice';

const MIN = 60_000;
// Wednesday 25 November 2026, 10:00 local.
const NOW = new Date(2026, 10, 25, 10, 0).getTime();
const settings = { ...DEFAULT_SETTINGS };

describe('the popup’s sitting status', () => {
  afterEach(cleanup);

  function show(state: SittingState, now = NOW, remindHere = true) {
    const send = vi.fn();
    const turnRemindersOn = vi.fn();
    render(<SittingStatus state={state} settings={settings} now={now} send={send} remindHere={remindHere} turnRemindersOn={turnRemindersOn} />);
    return Object.assign(send, { turnRemindersOn });
  }

  it('shows the sitting time and the next break', () => {
    show({ sittingSince: NOW - 12 * MIN, lastSeenAt: NOW });
    expect(screen.getByText('Sitting for 12 min')).toBeTruthy();
    expect(screen.getByText('Next break in 33 min')).toBeTruthy();
  });

  it('says when a break is due, and when it was snoozed to', () => {
    show({ sittingSince: NOW - 50 * MIN, lastSeenAt: NOW, reminder: { id: 'r1', dueAt: NOW - 5 * MIN, shownAt: NOW - 5 * MIN, snoozes: 0 } });
    expect(screen.getByText('Time for a break')).toBeTruthy();
    cleanup();
    show({ sittingSince: NOW - 50 * MIN, lastSeenAt: NOW, reminder: { id: 'r1', dueAt: NOW - 5 * MIN, snoozes: 1, snoozedUntil: NOW + 5 * MIN } });
    expect(screen.getByText(/^Snoozed until 10:05/)).toBeTruthy();
  });

  it('offers the pause lengths, and sends the one chosen', () => {
    const send = show({ sittingSince: NOW, lastSeenAt: NOW });
    const pause = screen.getByRole('button', { name: 'Pause' });
    expect(pause.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(pause);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Pause',
      'Take a break now',
      '30 minutes',
      '1 hour',
      '2 hours',
      'Until tomorrow',
      'Until I resume',
    ]);
    fireEvent.click(screen.getByRole('button', { name: '2 hours' }));
    expect(send).toHaveBeenCalledWith({ type: 'pause', choice: 'h2' });
  });

  it('Take a break now starts the break routine, as a secondary action beside Pause', () => {
    const send = show({ sittingSince: NOW, lastSeenAt: NOW });
    const takeBreak = screen.getByRole('button', { name: 'Take a break now' });
    // The popup's one primary action is Start routine; nothing in the status block competes with it.
    expect(takeBreak.classList.contains('link')).toBe(true);
    expect(document.querySelector('.status button.primary')).toBeNull();
    fireEvent.click(takeBreak);
    expect(send).toHaveBeenCalledWith({ type: 'startBreak' });
  });

  it('says when reminders are off on this browser, instead of a break that no reminder will announce', () => {
    const send = show({ sittingSince: NOW - 50 * MIN, lastSeenAt: NOW, reminder: { id: 'r1', dueAt: NOW - 5 * MIN, snoozes: 0 } }, NOW, false);
    expect(screen.getByText('Sitting for 50 min')).toBeTruthy();
    expect(screen.getByText('Reminders are off on this browser')).toBeTruthy();
    expect(screen.queryByText('Time for a break')).toBeNull();
    // Pausing reminders that are off would mean nothing.
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Turn reminders on' }));
    expect(send.turnRemindersOn).toHaveBeenCalled();
  });

  it('says nothing about reminders being off during a routine', () => {
    show({ lastSeenAt: NOW, routineSince: NOW - MIN }, NOW, false);
    expect(screen.queryByText('Reminders are off on this browser')).toBeNull();
  });

  it('offers Resume while paused', () => {
    const send = show({ lastSeenAt: NOW, pause: { until: NOW + 30 * MIN } });
    expect(screen.getByText(/^Paused until 10:30/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(send).toHaveBeenCalledWith({ type: 'resume' });
  });

  it('says in plain words that nothing counts outside active hours, with a link to change them, and offers “Remind me anyway today”', async () => {
    const saturday = new Date(2026, 10, 28, 10, 0).getTime();
    const send = show({ lastSeenAt: saturday }, saturday);
    expect(screen.getByText(/^Not counting now: outside your active hours\. Counting starts again Mon/)).toBeTruthy();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('link', { name: 'Change active hours' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#active-hours$/) as string });
    fireEvent.click(screen.getByRole('button', { name: 'Remind me anyway today' }));
    expect(send).toHaveBeenCalledWith({ type: 'remindAnyway' });
  });
});

describe('the reminder window', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  const shown = { sittingSince: NOW - 46 * MIN, lastSeenAt: NOW, reminder: { id: 'rabc', dueAt: NOW - MIN, shownAt: NOW - MIN, snoozes: 0 } };

  it.each([
    ['Start routine', { type: 'startBreak', reminderId: 'rabc' }],
    ['Snooze 10 min', { type: 'snooze', reminderId: 'rabc' }],
    ['Skip this break', { type: 'skip', reminderId: 'rabc' }],
  ])('%s sends its choice and closes the window', async (name, request) => {
    await fakeBrowser.storage.local.set({ sitting: shown });
    const send = vi.spyOn(messaging, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const onDone = vi.fn();
    render(<ReminderChoice reminderId="rabc" onDone={onDone} />);
    expect(await screen.findByText('Sitting for 46 min')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith('sitting', request);
  });

  it.each([
    ['the default', undefined, 'Your break routine: Desk break (5:00)'],
    ['the one chosen in the settings', 'full', 'Your break routine: Full reset (19:00)'],
  ])('names Roll Call and the routine Start will run: %s', async (_, breakPresetId, line) => {
    await fakeBrowser.storage.local.set({ sitting: shown });
    if (breakPresetId) await fakeBrowser.storage.sync.set({ settings: { breakPresetId } });
    render(<ReminderChoice reminderId="rabc" onDone={vi.fn()} />);
    expect(await screen.findByText(line)).toBeTruthy();
    expect(screen.getByText('Roll Call')).toBeTruthy();
  });

  it.each([
    ['Start routine', { type: 'startBreak', reminderId: 'test' }],
    ['Snooze 10 min', { type: 'snooze', reminderId: 'test' }],
    ['Skip this break', { type: 'skip', reminderId: 'test' }],
  ])('the test reminder says it is a test, whatever the sitting state, and its %s works and closes the window', async (name, request) => {
    // No reminder is stored at all: a test is never stored, and must not read as passed.
    await fakeBrowser.storage.local.set({ sitting: { sittingSince: NOW - 3 * MIN, lastSeenAt: NOW } });
    const send = vi.spyOn(messaging, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const onDone = vi.fn();
    render(<ReminderChoice reminderId="test" onDone={onDone} />);
    expect(await screen.findByRole('heading', { name: 'Test reminder' })).toBeTruthy();
    expect(screen.getByText(/^This is a test reminder\. Its buttons work/)).toBeTruthy();
    expect(screen.queryByText('This reminder has passed.')).toBeNull();
    expect(screen.queryByText(/Sitting for/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith('sitting', request);
  });

  it('says a stale reminder has passed, and offers nothing to do', async () => {
    await fakeBrowser.storage.local.set({ sitting: shown });
    render(<ReminderChoice reminderId="r-yesterday" onDone={vi.fn()} />);
    expect(await screen.findByText('This reminder has passed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start routine' })).toBeNull();
  });
});
