import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';

/** The toolbar popup may be at most 600 px tall. */
const POPUP_MAX_HEIGHT = 600;

const scrollsSideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth > document.scrollingElement!.clientWidth);

// A long language and a CJK one: the two ways a translation breaks a layout.
describe.each([
  { language: 'de', lang: 'de', start: 'Routine starten' },
  { language: 'ja', lang: 'ja', start: 'ルーティン開始' },
])('$language on narrow pages', ({ language, lang, start }) => {
  let harness: ExtensionHarness;
  beforeAll(async () => {
    harness = await launchExtension({ language });
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  it('the popup fits 600 px and the options page at 400 px never scrolls sideways', async () => {
    const popup = await harness.openPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('button', { name: start, exact: true }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
    expect(await scrollsSideways(popup)).toBe(false);
    expect(await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);

    const options = await harness.openPage('options.html');
    await options.setViewportSize({ width: 400, height: 900 });
    await options.getByRole('heading', { level: 1 }).waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${lang}`));
    expect(await scrollsSideways(options)).toBe(false);
  });
});
