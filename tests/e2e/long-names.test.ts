import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { openOptions, type OptionsPage } from './pages/options';
import { openPopup } from './pages/popup';

// The longest name the editor takes, with no space to break at: the worst case for a narrow page.
const LONG_NAME = 'Feet-calves-hamstrings-'.repeat(3).slice(0, 60);

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('long routine names on a 400 px wide page', () => {
  let harness: ExtensionHarness;
  let options: OptionsPage;

  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
    options = await openOptions(harness, '#routine');
    await options.page.setViewportSize({ width: 400, height: 900 });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  it('copies get numbered, distinct names, and neither the options page nor the popup scrolls sideways', async () => {
    const name = options.page.getByLabel('Name', { exact: true });
    await name.fill(LONG_NAME);
    await name.press('Tab');
    await options.page.getByRole('list', { name: `Steps of ${LONG_NAME}` }).waitFor();
    for (let i = 0; i < 3; i++) await options.duplicateRoutine();

    const stored = await harness.inWorker(async () => ((await chrome.storage.sync.get('presets')).presets as { custom: Array<{ name: string }> }).custom);
    const names = stored.map((p) => p.name);
    expect(names.map((n) => n.slice(n.lastIndexOf(' (')))).toEqual([' (copy)', ' (copy 2)', ' (copy 3)']);
    expect(names.every((n) => n.length <= 60)).toBe(true);
    expect(await scrollsSideways(options.page)).toBe(false);

    const popup = await openPopup(harness);
    await popup.page.setViewportSize({ width: 400, height: 900 });
    await popup.page.getByText(names[2]!).waitFor();
    expect(await scrollsSideways(popup.page)).toBe(false);
  });

  it('a step length that shows an error stays in line with its step', async () => {
    const length = options.page.getByLabel('Length of “Roll your left foot” (m:ss)');
    const step = options.page.getByRole('checkbox', { name: 'Roll your left foot' });
    // Where the field sits against its step's checkbox, so scrolling the page changes nothing.
    const place = async () => {
      const [field, box] = [(await length.boundingBox())!, (await step.boundingBox())!];
      return { dx: field.x - box.x, dy: field.y + field.height / 2 - (box.y + box.height / 2), width: field.width };
    };
    const before = await place();
    await length.fill('abc');
    const error = options.page.getByText('Enter a length from 0:30 to 15:00.');
    await error.waitFor();
    expect(await place()).toEqual(before);
    const after = (await length.boundingBox())!;
    // The message has a row of its own, below the field rather than beside it.
    expect((await error.boundingBox())!.y).toBeGreaterThanOrEqual(after.y + after.height);
    expect(await scrollsSideways(options.page)).toBe(false);
  });
});
