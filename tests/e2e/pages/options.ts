import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../fixture';

/** The options page as a user sees it; each step waits for the page's answer. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  sittingIntervalField() {
    return this.page.getByLabel('Sitting interval (minutes)');
  }

  snoozeLengthField() {
    return this.page.getByLabel('Snooze length (minutes)');
  }

  /** Types a value and leaves the field, which is when the page checks and saves it. */
  private async enter(field: ReturnType<Page['getByLabel']>, value: string): Promise<void> {
    await field.fill(value);
    await field.press('Tab');
  }

  async setSittingInterval(value: string): Promise<void> {
    await this.enter(this.sittingIntervalField(), value);
  }

  async setSnoozeLength(value: string): Promise<void> {
    await this.enter(this.snoozeLengthField(), value);
  }

  /** Resolves once the page reports a change saved (the report stays, so this tells only of the page's first save). */
  async saved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  }

  /** Waits for a field's error message to show. */
  async fieldError(message: string): Promise<void> {
    await this.page.getByText(message, { exact: true }).waitFor();
  }

  /** Copies the routine in the editor; resolves once the copy is stored and open in the editor. */
  async duplicateRoutine(): Promise<void> {
    await this.page.getByRole('button', { name: 'Duplicate as my own routine' }).click();
    // The editor lists a routine's steps only once the stored routines include it.
    await this.page.getByRole('list', { name: / \(copy( \d+)?\)$/ }).waitFor();
  }

  /** Exports as JSON and returns the downloaded file's text. */
  async exportJson(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export (JSON)' }).click()]);
    return readFileSync(await download.path(), 'utf8');
  }

  /** Chooses a file to import; the page then shows its summary or its error. */
  async chooseImportFile(name: string, contents: string): Promise<void> {
    await this.page.getByLabel('Import…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }

  async importError(text: string): Promise<void> {
    await this.page.getByRole('alert').filter({ hasText: text }).waitFor();
  }

  async importSummary(pattern: RegExp): Promise<void> {
    await this.page.getByText(pattern).waitFor();
  }

  async replaceMyData(): Promise<void> {
    await this.page.getByRole('button', { name: 'Replace my data' }).click();
    await this.page.getByText('Imported.').waitFor();
  }

  async heading(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  }

  /** The week chart in the history section. */
  weekChart() {
    return this.page.getByRole('img', { name: 'Breaks taken, skipped and snoozed on each of the last 7 days' });
  }

  /** Scrolls to the history section, whose charts load only as it nears the viewport, and waits for them. */
  async showHistory(): Promise<void> {
    await this.page.locator('#history').scrollIntoViewIfNeeded();
    await this.page.locator('#history .history__charts:not(.history__charts--loading)').waitFor();
  }

  /** Height of today's bar of breaks taken in the week chart. */
  async todaysBreaksBarHeight(): Promise<number> {
    await this.showHistory();
    const chart = this.weekChart();
    await chart.waitFor();
    return Number(await chart.locator('rect[data-series="breaksTaken"]').last().getAttribute('height'));
  }

  async goalLine(pattern: RegExp): Promise<void> {
    await this.showHistory();
    await this.page.getByText(pattern).waitFor();
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}

/** Opens options.html (with an optional #section) and waits for its settings to load. */
export async function openOptions(harness: ExtensionHarness, hash = ''): Promise<OptionsPage> {
  const page = await harness.openPage(`options.html${hash}`);
  await page.getByLabel('Sitting interval (minutes)').waitFor();
  return new OptionsPage(page);
}
