// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeDaysText, Welcome } from '@/entrypoints/welcome/Welcome';
import { messaging } from '@/utils/platform/messaging/send';

// Wednesday 25 November 2026: 10:00 is inside the default hours (Mon–Fri 08:00–18:00), 20:00 and Saturday are not.
const WEDNESDAY_10 = new Date(2026, 10, 25, 10, 0).getTime();
const WEDNESDAY_20 = new Date(2026, 10, 25, 20, 0).getTime();
const SATURDAY_10 = new Date(2026, 10, 28, 10, 0).getTime();

describe('the welcome page', () => {
  beforeEach(() => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue({ ok: true } as never);
  });
  afterEach(cleanup);

  it('says what counts as sitting and as a break, with the break threshold set', async () => {
    await fakeBrowser.storage.sync.set({ settings: { breakThresholdMin: 7 } });
    render(<Welcome now={WEDNESDAY_10} />);
    expect(await screen.findByRole('heading', { name: 'Welcome to Roll Call' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What counts as sitting, and as a break' })).toBeTruthy();
    expect(screen.getByText(/^7 minutes or more away counts as a break/)).toBeTruthy();
    expect(screen.getByText(/small, firm ball/)).toBeTruthy();
  });

  it('gives the default active days and hours, and nothing more while they hold now', async () => {
    render(<Welcome now={WEDNESDAY_10} />);
    expect(await screen.findByText(/^On Mon–Fri, from 08:00 to 18:00, after 45 minutes of sitting\./)).toBeTruthy();
    expect(screen.queryByText(/is quiet until/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Change the hours and the interval' }).getAttribute('href')).toBe('/options.html#active-hours');
  });

  it.each([
    ['in the evening', WEDNESDAY_20, /^That is not now, so Roll Call is quiet until Thu/],
    ['at the weekend', SATURDAY_10, /^That is not now, so Roll Call is quiet until Mon/],
  ])('says what being outside the active hours means %s', async (_, now, text) => {
    render(<Welcome now={now} />);
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('says that no reminders come when no day is active', async () => {
    await fakeBrowser.storage.sync.set({ settings: { activeDays: [] } });
    render(<Welcome now={WEDNESDAY_10} />);
    expect(await screen.findByText('No active days are set, so no reminders will come.')).toBeTruthy();
  });

  it('shows how to pin the button, as a labelled picture', async () => {
    render(<Welcome now={WEDNESDAY_10} />);
    const picture = await screen.findByRole('img', { name: /Sketch of the toolbar/ });
    expect(picture.textContent).toContain('Click the pin');
  });

  it('sends a test reminder, and offers the reminder window when it was not seen', async () => {
    render(<Welcome now={WEDNESDAY_10} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Send a test reminder' }));
    await waitFor(() => expect(messaging.sendMessage).toHaveBeenCalledWith('sitting', { type: 'testReminder' }));
    fireEvent.click(await screen.findByRole('button', { name: 'No' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use a reminder window instead' }));
    await waitFor(() => expect(messaging.sendMessage).toHaveBeenCalledWith('settings', { type: 'patch', patch: { remindWith: 'window' } }));
    expect((await screen.findByRole<HTMLButtonElement>('button', { name: 'Reminder windows are on' })).disabled).toBe(true);
  });

  it('says all is set when the test reminder was seen', async () => {
    render(<Welcome now={WEDNESDAY_10} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Send a test reminder' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes' }));
    expect(await screen.findByText("Good. You're all set.")).toBeTruthy();
  });
});

describe('active days as a reader says them', () => {
  it.each([
    [[1, 2, 3, 4, 5], 'Mon–Fri'],
    [[0, 1, 2, 3, 4, 5, 6], 'Mon–Sun'],
    [[1, 3, 5], 'Mon, Wed, Fri'],
    [[6, 0], 'Sat, Sun'],
    [[2], 'Tue'],
  ])('%j → %s', (days, text) => {
    expect(activeDaysText(days)).toBe(text);
  });
});
