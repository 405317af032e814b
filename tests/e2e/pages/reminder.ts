import type { BrowserContext, Page } from 'playwright-core';

/** The small reminder window the extension opens for a due break. */
export class ReminderPage {
  constructor(readonly page: Page) {}

  private button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }

  /** "Sitting for 45 min". */
  async sittingLine(): Promise<string> {
    return (await this.page.getByText(/^Sitting for \d+ min$/).textContent()) ?? '';
  }

  /** Each choice closes the window once the background has taken it. */
  private async choose(name: string | RegExp): Promise<void> {
    const closed = this.page.waitForEvent('close');
    await this.button(name).click();
    await closed;
  }

  async startRoutine(): Promise<void> {
    await this.choose('Start routine');
  }

  async snooze(): Promise<void> {
    await this.choose(/^Snooze \d+ min$/);
  }

  async skip(): Promise<void> {
    await this.choose('Skip this break');
  }
}

/**
 * Waits for the extension to open its reminder window (the page already open,
 * or the next one) and for the window to show its choices.
 */
export async function waitForReminderWindow(context: BrowserContext, opening?: Promise<unknown>): Promise<ReminderPage> {
  const isReminder = (p: Page) => new URL(p.url()).pathname === '/reminder.html';
  const [page] = await Promise.all([context.pages().find(isReminder) ?? context.waitForEvent('page', { predicate: isReminder }), opening]);
  await page.getByRole('heading', { name: 'Time to stand up' }).waitFor();
  return new ReminderPage(page);
}
