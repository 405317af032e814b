import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../fixture';

/**
 * The toolbar popup (and its pop-out window) as a user sees it: every control
 * is found by its role and accessible name, and every step waits for the view
 * it leads to, so tests need no sleeps.
 */
export class PopupPage {
  constructor(readonly page: Page) {}

  // The sitting block of the idle view; its Pause and Resume share names with the routine's own.
  private get sitting() {
    return this.page.getByRole('region', { name: 'Sitting' });
  }

  private button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Resolves once the idle view, with its start button, is showing. */
  async idle(): Promise<void> {
    await this.button('Start routine').waitFor();
  }

  async chooseRoutine(name: string | RegExp): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
  }

  async isChosen(name: string | RegExp): Promise<boolean> {
    return this.page.getByRole('radio', { name }).isChecked();
  }

  /** The steps of the chosen routine, each as its title followed by its length (unfolded first: the popup keeps them folded). */
  async steps(): Promise<string[]> {
    const fold = this.page.locator('details.steps-fold');
    if (!(await fold.evaluate((el: HTMLDetailsElement) => el.open))) await fold.locator('summary').click();
    return this.page.getByRole('region', { name: 'Steps' }).getByRole('listitem').allTextContents();
  }

  async startRoutine(): Promise<void> {
    await this.button('Start routine').click();
    await this.page.getByRole('timer').waitFor();
  }

  async pause(): Promise<void> {
    await this.button('Pause').click();
    await this.page.getByText('Paused', { exact: true }).waitFor();
  }

  async resume(): Promise<void> {
    await this.button('Resume').click();
    await this.button('Pause').waitFor();
  }

  async skipStep(): Promise<void> {
    await this.button('Skip step').click();
  }

  /** Stop shows the stopped routine at once, with Undo for a few seconds. */
  async stopRoutine(): Promise<void> {
    await this.button('Stop routine').click();
    await this.page.getByRole('heading', { name: 'Routine stopped' }).waitFor();
  }

  undoButton() {
    return this.button('Undo');
  }

  async undoStop(): Promise<void> {
    await this.undoButton().click();
    await this.page.getByRole('timer').waitFor();
  }

  /** Leaves the finish view for the idle view. */
  async done(): Promise<void> {
    await this.button('Done').click();
    await this.idle();
  }

  /** The running step's title, or the finish view's heading. */
  async heading(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  }

  /** Seconds left in the running step, as the countdown ring shows them. */
  async countdown(): Promise<number> {
    const [m, s] = ((await this.page.getByRole('timer').textContent()) ?? '').split(':').map(Number);
    return m! * 60 + s!;
  }

  /** "Step 1 of 2 · 0:59 left". */
  async progress(): Promise<string> {
    return (await this.page.getByText(/^Step \d+ of \d+ · /).textContent()) ?? '';
  }

  async waitForFinish(timeout?: number): Promise<void> {
    await this.page.getByRole('heading', { name: 'Routine complete' }).waitFor({ timeout });
  }

  /** The finish view's "2 of 2 steps done in 1:00". */
  async summary(): Promise<string> {
    return (await this.page.getByText(/^\d+ of \d+ steps done in /).textContent()) ?? '';
  }

  /** Picks a comfort value; Done saves what was picked. */
  async rateComfort(scale: 'Feet' | 'Lower back', value: number): Promise<void> {
    const group = this.page.getByRole('group', { name: new RegExp(`^${scale} \\(0 = sore, 10 = great\\)$`) });
    await group.getByRole('radio', { name: String(value), exact: true }).check();
  }

  /** Opens the pop-out window, which closes the popup. */
  async popOut(): Promise<PopupPage> {
    const [window] = await Promise.all([
      this.page.context().waitForEvent('page', (p) => p.url().includes('popup.html?view=window')),
      this.button('Pop out').click(),
    ]);
    const popOut = new PopupPage(window);
    await window
      .getByRole('timer')
      .or(window.getByRole('button', { name: 'Start routine' }))
      .waitFor();
    return popOut;
  }

  /** Today's figures, each label with its number: `{ 'full routine': '1/1', breaks: '1/6', 'days in a row': '1' }`. */
  async today(): Promise<Record<string, string>> {
    const region = this.page.getByRole('region', { name: 'Today' });
    const labels = await region.locator('dt').allTextContents();
    const values = await region.locator('dd').allTextContents();
    return Object.fromEntries(labels.map((label, i) => [label, values[i] ?? '']));
  }

  /** Pauses the sitting reminders for one of the offered lengths ("30 minutes", "1 hour", …). */
  async pauseReminders(length: string): Promise<void> {
    await this.sitting.getByRole('button', { name: 'Pause', exact: true }).click();
    await this.sitting.getByRole('button', { name: length, exact: true }).click();
    await this.sitting.getByText(/^Paused/).waitFor();
  }

  async resumeReminders(): Promise<void> {
    await this.sitting.getByRole('button', { name: 'Resume', exact: true }).click();
    await this.sitting.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  }

  /** The sitting block's lines, such as "Sitting for 3 min" and "Next break in 42 min". */
  async sittingStatus(): Promise<string[]> {
    return this.sitting.getByRole('paragraph').allTextContents();
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}

/** Opens popup.html in a tab (the toolbar panel itself is out of Playwright's reach) and waits for its first view. */
export async function openPopup(harness: ExtensionHarness): Promise<PopupPage> {
  const page = await harness.openPage('popup.html');
  await page.locator('main:not([aria-busy])').waitFor();
  return new PopupPage(page);
}
