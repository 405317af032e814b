import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './fixture';
import { storeEvents } from './history';
import { openOptions } from './pages/options';
import { openPopup } from './pages/popup';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page (through the debugger, so the extension's CSP does not block it). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return result.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('accessibility (axe-core) and the keyboard', () => {
  let harness: ExtensionHarness;
  // A fresh profile for each test, so each can run alone and in any order.
  beforeEach(async () => {
    harness = await launchExtension();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  it('the popup has no violations, idle or running', async () => {
    const popup = await openPopup(harness);
    await popup.idle();
    expect(await violations(popup.page)).toEqual([]);
    await popup.startRoutine();
    expect(await violations(popup.page)).toEqual([]);
  });

  it('the options page and the history have no violations', async () => {
    const options = await openOptions(harness);
    // First the history of a new user, whose charts are sentences, then one with a day to draw. The charts load
    // as the section nears the view.
    await options.showHistory();
    await options.page.getByText(/^Your breaks will show here/).waitFor();
    expect(await violations(options.page)).toEqual([]);
    const now = Date.now();
    const d = new Date(now);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await harness.inWorker(storeEvents, [
      { type: 'breakTaken', at: now, day, how: 'routine' },
      { type: 'comfortRated', at: now, day, feet: 7, back: 6 },
    ]);
    await options.showHistory();
    expect(await violations(options.page)).toEqual([]);
  });

  it('the welcome page has no violations', async () => {
    const welcome = await harness.openPage('welcome.html');
    await welcome.getByRole('button', { name: 'Send a test reminder' }).waitFor();
    expect(await violations(welcome)).toEqual([]);
  });

  it('a routine can be started, paused, its lead-in ended, skipped and stopped, and a setting changed, from the keyboard alone', async () => {
    const popup = await openPopup(harness);
    const keys = popup.page.keyboard;
    await popup.page.getByRole('button', { name: 'Start routine' }).focus();
    await keys.press('Enter');
    await popup.page.getByRole('timer').waitFor();
    await popup.page.locator('body').focus();
    await keys.press('Space');
    await popup.page.getByText('Paused', { exact: true }).waitFor();
    // The first step opens with its lead-in: → there is Start now, and the next → skips the step itself.
    await popup.page.getByRole('button', { name: 'Start now', exact: true }).waitFor();
    await keys.press('ArrowRight');
    await popup.page.getByRole('button', { name: 'Skip step', exact: true }).waitFor();
    expect(await popup.heading()).toBe('Roll your left foot');
    await keys.press('ArrowRight');
    await expect.poll(() => popup.heading()).toBe('Roll your right foot');
    await keys.press('Escape');
    await popup.page.getByRole('heading', { name: 'Routine stopped' }).waitFor();
    await keys.press('Enter');
    await popup.idle();

    const options = await openOptions(harness);
    const field = options.snoozeLengthField();
    await options.page.locator('body').focus();
    for (let i = 0; i < 40 && !(await field.evaluate((el) => el === document.activeElement)); i++) await options.page.keyboard.press('Tab');
    await options.page.keyboard.press('ControlOrMeta+A');
    await options.page.keyboard.type('15');
    await options.page.keyboard.press('Tab');
    await expect.poll(() => harness.inWorker(async () => ((await chrome.storage.sync.get('settings')).settings as { snoozeMin?: number }).snoozeMin)).toBe(15);
  });
});
