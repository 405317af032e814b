import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { passTimeInWorker } from './clock';

const MIN = 60_000;

/**
 * The keyboard shortcuts in real Chromium. Headless Chromium sends no key to
 * the browser's own shortcut handling, so each test fires the real
 * `commands.onCommand` event in the worker (as Chrome does for a pressed
 * shortcut): the listeners the background registered run, and the test reads
 * what they stored.
 */
describe('keyboard shortcuts in Chromium', () => {
  let harness: ExtensionHarness;
  const baseSettings = activeNowSettings();

  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), baseSettings);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  const press = (name: string) => harness.inWorker((command) => chrome.commands.onCommand.dispatch(command), name);
  const stored = () =>
    harness.inWorker(async () => {
      const { routine, sitting } = await chrome.storage.local.get(['routine', 'sitting']);
      return {
        routine: routine as { status: string; presetId?: string } | undefined,
        sitting: sitting as { sittingSince?: number; routineSince?: number; reminder?: { snoozedUntil?: number; snoozes: number } },
      };
    });
  const timerWindows = async () => (await harness.inWorker(() => chrome.windows.getAll())).filter((w) => w.type === 'popup');
  const timerPages = () => harness.context.pages().filter((p) => p.url().endsWith('/popup.html?view=window'));
  const breakAlarm = () => harness.inWorker(() => chrome.alarms.get('sitting-break'));

  it('suggests a key for each of the four commands, and each key is in use', async () => {
    const commands = await harness.inWorker(() => chrome.commands.getAll());
    const keys = Object.fromEntries(commands.filter((c) => c.name !== '_execute_action').map((c) => [c.name, c.shortcut]));
    expect(keys).toEqual({ 'take-break': 'Alt+Shift+G', 'pause-resume': 'Alt+Shift+H', snooze: 'Alt+Shift+D', 'open-side-panel': 'Alt+Shift+O' });
    // Described in the UI language, as the browser's shortcuts page shows them.
    expect(commands.find((c) => c.name === 'take-break')?.description).toBe('Take a break now (start the break routine)');
  });

  it('take-break starts the break routine, rests the sitting clock and opens the timer window', async () => {
    await expect.poll(breakAlarm).toBeDefined();
    await press('take-break');
    await expect.poll(async () => (await stored()).routine?.status).toBe('running');
    const { routine, sitting } = await stored();
    expect(routine?.presetId).toBe('desk');
    expect(sitting.routineSince).toEqual(expect.any(Number));
    expect(sitting.sittingSince).toBeUndefined();
    await expect.poll(async () => (await timerWindows()).length).toBe(1);
    await expect.poll(() => timerPages().length).toBe(1);
  });

  it('pause-resume pauses the running routine, then resumes it', async () => {
    await press('take-break');
    await expect.poll(async () => (await stored()).routine?.status).toBe('running');
    await press('pause-resume');
    await expect.poll(async () => (await stored()).routine?.status).toBe('paused');
    // While paused, no step alarm runs. The job puts the alarms in line just after its write, so they are polled too.
    await expect.poll(() => harness.inWorker(() => chrome.alarms.get('routine-step'))).toBeUndefined();
    await press('pause-resume');
    await expect.poll(async () => (await stored()).routine?.status).toBe('running');
    await expect.poll(() => harness.inWorker(() => chrome.alarms.get('routine-step'))).toBeDefined();
  });

  it('snooze snoozes the due reminder: its notification goes and the break alarm moves by the snooze length', async () => {
    await expect.poll(breakAlarm).toBeDefined();
    await harness.inWorker((base) => chrome.storage.sync.set({ settings: { ...base, sittingIntervalMin: 10, breakThresholdMin: 15 } }), baseSettings);
    await expect.poll(async () => (await breakAlarm())!.scheduledTime - Date.now()).toBeLessThan(11 * MIN);
    await passTimeInWorker(harness, 10 * MIN, ['sitting-break']);
    await expect.poll(async () => Object.keys(await harness.inWorker(() => chrome.notifications.getAll()))).toHaveLength(1);
    const pressedAt = await harness.inWorker(() => Date.now());
    await press('snooze');
    await expect.poll(async () => (await stored()).sitting.reminder?.snoozes).toBe(1);
    const { reminder } = (await stored()).sitting;
    expect(reminder?.snoozedUntil).toBeGreaterThanOrEqual(pressedAt + 10 * MIN);
    expect(reminder?.snoozedUntil).toBeLessThan(pressedAt + 10 * MIN + 5000);
    await expect.poll(async () => (await breakAlarm())?.scheduledTime).toBe(reminder?.snoozedUntil);
    expect(await harness.inWorker(() => chrome.notifications.getAll())).toEqual({});
  });

  it('snooze with no reminder due changes nothing', async () => {
    await expect.poll(breakAlarm).toBeDefined();
    const before = await stored();
    await press('snooze');
    // The job has run once the refresh it plans is back; the stretch and the reminder are as they were.
    await expect.poll(async () => (await stored()).sitting.sittingSince).toBe(before.sitting.sittingSince);
    expect((await stored()).sitting.reminder).toBeUndefined();
  });

  it('open-side-panel opens the timer window, and the settings page lists the keys in use', async () => {
    await press('open-side-panel');
    await expect.poll(async () => (await timerWindows()).length).toBe(1);
    await expect.poll(() => timerPages().length).toBe(1);

    const options = await harness.openPage('options.html');
    const section = options.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect.poll(() => section.getByRole('definition').allInnerTexts()).toEqual(['Alt+Shift+G', 'Alt+Shift+H', 'Alt+Shift+D', 'Alt+Shift+O', 'Not set']);
    expect(await section.getByRole('term').allInnerTexts()).toEqual([
      'Take a break now (start the break routine)',
      'Pause or resume the running routine',
      'Snooze the break reminder',
      'Open the routine timer',
      "Open Roll Call's toolbar button",
    ]);
    await expect.poll(() => section.innerText()).toContain('chrome://extensions/shortcuts');
    // The button opens the browser's own page for changing them.
    const opened = harness.context.waitForEvent('page');
    await section.getByRole('button', { name: 'Change shortcuts' }).click();
    expect((await opened).url()).toBe('chrome://extensions/shortcuts');
  });
});
