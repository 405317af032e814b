import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './fixture';

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
  beforeAll(async () => {
    harness = await launchExtension();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  it('the popup has no violations, idle or running', async () => {
    const popup = await harness.openPage('popup.html');
    await popup.getByRole('button', { name: 'Start routine' }).waitFor();
    expect(await violations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Start routine' }).click();
    await popup.getByRole('timer').waitFor();
    expect(await violations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Stop routine' }).click();
    await popup.getByRole('button', { name: 'Done' }).click();
    await popup.close();
  });

  it('the options page and the history have no violations', async () => {
    const options = await harness.openPage('options.html#welcome');
    await options.locator('#history').waitFor();
    expect(await violations(options)).toEqual([]);
    await options.close();
  });

  it('a routine can be started, paused, skipped and stopped, and a setting changed, from the keyboard alone', async () => {
    const popup = await harness.openPage('popup.html');
    await popup.getByRole('button', { name: 'Start routine' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('timer').waitFor();
    await popup.locator('body').focus();
    await popup.keyboard.press('Space');
    await popup.getByText('Paused', { exact: true }).waitFor();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Roll your right foot');
    await popup.keyboard.press('Escape');
    await popup.getByRole('heading', { name: 'Routine stopped' }).waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Start routine' }).waitFor();

    const options = await harness.openPage('options.html');
    const field = options.getByLabel('Snooze length (minutes)');
    await field.waitFor();
    await options.locator('body').focus();
    for (let i = 0; i < 40 && !(await field.evaluate((el) => el === document.activeElement)); i++) await options.keyboard.press('Tab');
    await options.keyboard.press('ControlOrMeta+A');
    await options.keyboard.type('15');
    await options.keyboard.press('Tab');
    await expect.poll(() => harness.inWorker(async () => ((await chrome.storage.sync.get('settings')).settings as { snoozeMin?: number } | undefined)?.snoozeMin)).toBe(15);
  });
});
