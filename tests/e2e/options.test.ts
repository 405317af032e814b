import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { storedEvents, storeEvents } from './history';
import { openOptions, type OptionsPage } from './pages/options';

const MIN = 60_000;

describe('the options page in Chromium', () => {
  let harness: ExtensionHarness;
  let options: OptionsPage;

  // A fresh profile for each test, so each can run alone and in any order.
  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
    options = await openOptions(harness);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  const storedSync = () => harness.inWorker(() => chrome.storage.sync.get(null));
  const breakAlarm = () => harness.inWorker(() => chrome.alarms.get('sitting-break'));
  const userData = (of: ExtensionHarness) =>
    of
      .inWorker(async () => ({
        settings: (await chrome.storage.sync.get('settings')).settings,
        presets: (await chrome.storage.sync.get('presets')).presets,
      }))
      .then(async (data) => ({ ...data, events: await of.inWorker(storedEvents) }));

  it('shows an error for “abc” in the sitting interval and stores nothing', async () => {
    const before = await storedSync();
    await options.setSittingInterval('abc');
    await options.fieldError('Enter a number.');
    expect(await options.sittingIntervalField().getAttribute('aria-invalid')).toBe('true');
    expect(await storedSync()).toEqual(before);
  });

  it('saves 30, and the worker moves its break alarm', async () => {
    await expect.poll(async () => (await breakAlarm())?.scheduledTime).toBeDefined();
    const before = (await breakAlarm())!.scheduledTime;
    await options.setSittingInterval('30');
    await options.saved();
    expect(((await storedSync()).settings as { sittingIntervalMin: number }).sittingIntervalMin).toBe(30);
    await expect.poll(async () => before - (await breakAlarm())!.scheduledTime).toBe(15 * MIN);
  });

  it('refuses a broken import file and leaves storage as it was', async () => {
    const before = await storedSync();
    await options.chooseImportFile('broken.json', '{"format": "roll-call-export", "version": 1,');
    await options.importError('This file is not JSON');
    expect(await storedSync()).toEqual(before);
  });

  it('exports, and a fresh profile imports the same data', async () => {
    // Some recent history (import refuses times more than a day ahead, and history keeps raw events for 30 days), a
    // setting and a routine of the user's own, so there is something to carry over. The page saves whole settings, as an
    // import does; the sparse seed above alone would not compare equal.
    const at = Date.now() - 48 * 60 * MIN;
    const local = new Date(at);
    const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
    await harness.inWorker(storeEvents, [{ type: 'skipped', at, day }]);
    await options.setSittingInterval('30');
    await options.saved();
    await options.duplicateRoutine();
    const exported = await options.exportJson();
    const original = await userData(harness);

    const fresh = await launchExtension();
    try {
      const target = await openOptions(fresh);
      await target.chooseImportFile('roll-call.json', exported);
      // Everyday dates, not the day keys the file stores.
      const date = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' }).format(local);
      await target.importSummary(
        new RegExp(
          `^This file holds your routines, breaks and comfort ratings from ${date}(, \\d{4})? to ${date}(, \\d{4})?, your settings and 1 routine of your own\\.$`,
        ),
      );
      await target.replaceMyData();
      expect(await userData(fresh)).toEqual(original);
    } finally {
      await fresh.close();
    }
  });
});
