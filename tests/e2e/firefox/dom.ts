import type { Page } from 'puppeteer-core';
import { until } from './fixture';

/**
 * Small DOM helpers for extension pages in Firefox. Puppeteer's ARIA queries
 * need the accessibility tree, which BiDi does not offer, so these find
 * controls by the text a user reads (or their label) instead.
 */

/** The page's visible text, whitespace collapsed. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());
}

export function waitForText(page: Page, pattern: RegExp | string, timeoutMs = 15_000): Promise<string> {
  return until(
    `"${String(pattern)}" on ${page.url()}`,
    async () => {
      const text = await pageText(page);
      const found = typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
      return found ? text : '';
    },
    timeoutMs,
  );
}

/** Clicks the enabled button whose text (or aria-label) is exactly `name`, once there is one. */
export async function clickButton(page: Page, name: string | RegExp, timeoutMs = 15_000): Promise<void> {
  const source = typeof name === 'string' ? { text: name } : { regex: name.source, flags: name.flags };
  await until(
    `a button "${String(name)}" on ${page.url()}`,
    () =>
      page.evaluate(
        (wanted) => {
          const matches = (s: string) => ('text' in wanted ? s === wanted.text : new RegExp(wanted.regex!, wanted.flags).test(s));
          const button = [...document.querySelectorAll('button')].find(
            (b) => !b.disabled && (matches(b.textContent.replace(/\s+/g, ' ').trim()) || matches(b.getAttribute('aria-label') ?? '')),
          );
          button?.click();
          return button !== undefined;
        },
        source as { text?: string; regex?: string; flags?: string },
      ),
    timeoutMs,
  );
}

/** The input labelled `label`. */
async function fieldSelector(page: Page, label: string): Promise<string> {
  return until(`a field labelled "${label}"`, () =>
    page.evaluate((wanted) => {
      const labelElement = [...document.querySelectorAll('label')].find((l) => l.textContent.replace(/\s+/g, ' ').trim().startsWith(wanted));
      const input = labelElement?.control ?? labelElement?.querySelector('input');
      return input?.id ? `#${CSS.escape(input.id)}` : '';
    }, label),
  );
}

/** Types a new value into the field labelled `label` and leaves it (Tab), as a user would. */
export async function fillField(page: Page, label: string, value: string): Promise<string> {
  const selector = await fieldSelector(page, label);
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, value);
  await page.keyboard.press('Tab');
  return selector;
}

export function fieldValue(page: Page, selector: string): Promise<{ value: string; invalid: string | null }> {
  return page.$eval(selector, (input) => ({ value: (input as HTMLInputElement).value, invalid: input.getAttribute('aria-invalid') }));
}

/** Seconds shown by the countdown ring (m:ss). */
export async function timerSeconds(page: Page): Promise<number> {
  const text = await page.$eval('[role="timer"]', (e) => e.textContent);
  const [m, s] = text.split(':').map(Number);
  return m! * 60 + s!;
}

/** Chooses the radio button whose value is `value` (clicking it, so the page sees a real change). */
export async function chooseRadio(page: Page, value: string): Promise<void> {
  const selector = `input[type="radio"][value="${value}"]`;
  await page.waitForSelector(selector);
  await page.click(selector);
  await until(`radio ${value} to be checked`, () => page.$eval(selector, (e) => (e as HTMLInputElement).checked));
}

/** The text of the first element matching `selector`, or '' when there is none. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => document.querySelector(s)?.textContent.trim() ?? '', selector);
}
