// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SittingStatus } from '@/components/SittingStatus';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { messaging } from '@/utils/platform/messaging';
import type { SittingState } from '@/utils/sitting/rules';
import { ReminderChoice } from '@/entrypoints/reminder/ReminderChoice';

const MIN = 60_000;
// Wednesday 25 November 2026, 10:00 local.
const NOW = new Date(2026, 10, 25, 10, 0).getTime();
const settings = { ...DEFAULT_SETTINGS };

describe('the popup’s sitting status', () => {
  afterEach(cleanup);

  function show(state: SittingState, now = NOW) {
    const send = vi.fn();
    render(<SittingStatus state={state} settings={settings} now={now} send={send} />);
    return send;
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
      'Take a break now',
      'Pause',
      '30 minutes',
      '1 hour',
      '2 hours',
      'Until tomorrow',
      'Until I resume',
    ]);
    fireEvent.click(screen.getByRole('button', { name: '2 hours' }));
    expect(send).toHaveBeenCalledWith({ type: 'pause', choice: 'h2' });
  });

  it('Take a break now starts the break routine', () => {
    const send = show({ sittingSince: NOW, lastSeenAt: NOW });
    fireEvent.click(screen.getByRole('button', { name: 'Take a break now' }));
    expect(send).toHaveBeenCalledWith({ type: 'startBreak' });
  });

  it('offers Resume while paused', () => {
    const send = show({ lastSeenAt: NOW, pause: { until: NOW + 30 * MIN } });
    expect(screen.getByText(/^Paused until 10:30/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(send).toHaveBeenCalledWith({ type: 'resume' });
  });

  it('offers “Remind me anyway today” outside active hours', () => {
    const saturday = new Date(2026, 10, 28, 10, 0).getTime();
    const send = show({ lastSeenAt: saturday }, saturday);
    expect(screen.getByText(/^Outside active hours until Mon/)).toBeTruthy();
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

  it('says the test reminder was a test, with only Close, whatever the sitting state', async () => {
    await fakeBrowser.storage.local.set({ sitting: shown });
    const send = vi.spyOn(messaging, 'sendMessage');
    const onDone = vi.fn();
    render(<ReminderChoice reminderId="test" onDone={onDone} />);
    expect(await screen.findByText(/This was only a test\. Real reminders show up the same way/)).toBeTruthy();
    expect(screen.queryByText('This reminder has passed.')).toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onDone).toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('says a stale reminder has passed, and offers nothing to do', async () => {
    await fakeBrowser.storage.local.set({ sitting: shown });
    render(<ReminderChoice reminderId="r-yesterday" onDone={vi.fn()} />);
    expect(await screen.findByText('This reminder has passed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start routine' })).toBeNull();
  });
});
