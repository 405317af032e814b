import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, type ExtensionHarness } from './fixture';

/**
 * An organisation's policy, deployed the way administrators do on Linux: a
 * JSON file in Chromium's managed policy folder, with the extension's values
 * under `3rdparty.extensions.<id>`. Chromium reads it for an unpacked
 * extension too, and hands the values that fit public/managed_schema.json to
 * `storage.managed` (a value of the wrong type never reaches the extension;
 * chrome://policy lists it as an error).
 */

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** An unpacked extension's id: the first 128 bits of SHA-256 of its absolute path, each hex digit written a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

const EXTENSION_ID = unpackedExtensionId(EXTENSION_DIR);
// One file per build folder, so runs from other checkouts never meet each other's policy.
const POLICY_FILE = join(POLICY_DIR, `roll-call-e2e-${EXTENSION_ID}.json`);

function deploy(values: Record<string, unknown>) {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: values } } }));
  } catch (error) {
    throw new Error(
      `Could not write the test policy to ${POLICY_FILE} (${String(error)}). Chromium reads machine policy only from ` +
        `${POLICY_DIR}, which only root may write: run the end-to-end tests as root (CI does), or with sudo.`,
      { cause: error },
    );
  }
}

const POLICY = {
  sittingIntervalMin: 60,
  snoozeMin: 15,
  goalBreaksPerDay: 9,
  activeDays: [1, 2, 3, 4],
  locked: ['sittingIntervalMin', 'activeDays'],
  // Bad values that fit the schema's types, so Chromium passes them on and Roll Call must ignore them.
  goalRoutinesPerDay: 9,
  breakPresetId: 'our-routine',
};

describe('settings an organisation deploys, in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;

  // Each test starts from the same policy; some change it.
  beforeEach(() => deploy(POLICY));
  afterAll(() => rmSync(POLICY_FILE, { force: true }));
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch may fail before the harness is set
  afterEach(async () => harness?.close());

  const storedSettings = () => harness.inWorker(async () => (await chrome.storage.sync.get('settings')).settings as Record<string, unknown>);

  it('applies the defaults, locks a field, and tells of the bad values', async () => {
    harness = await launchExtension();
    expect(harness.extensionId).toBe(EXTENSION_ID);
    expect(await harness.inWorker(() => chrome.storage.managed.get())).toEqual(POLICY);
    await expect
      .poll(storedSettings)
      .toMatchObject({ sittingIntervalMin: 60, snoozeMin: 15, goalBreaksPerDay: 9, activeDays: [1, 2, 3, 4], goalRoutinesPerDay: 1, breakPresetId: 'desk' });

    options = await harness.openPage('options.html');
    const interval = options.getByLabel('Sitting interval (minutes)');
    await expect.poll(() => interval.inputValue()).toBe('60');
    expect(await interval.isDisabled()).toBe(true);
    expect(await options.locator(`#${await interval.getAttribute('aria-describedby')}`).textContent()).toBe('Set by your organisation');
    expect(await options.getByRole('group', { name: 'Active days' }).getByRole('checkbox').first().isDisabled()).toBe(true);
    // A default, not a lock: the user changes it, and it stays theirs.
    const snooze = options.getByLabel('Snooze length (minutes)');
    expect(await snooze.inputValue()).toBe('15');
    await snooze.fill('20');
    await snooze.press('Tab');
    await expect.poll(async () => (await storedSettings()).snoozeMin).toBe(20);

    await options.getByText(/Full routines a day \(goalRoutinesPerDay\) = 9\. It was ignored\. Enter a number from 0 to 5\./).waitFor();
    await options.getByText(/A break reminder starts \(breakPresetId\) = "our-routine"\. It was ignored\./).waitFor();
    expect(await options.getByText(/Your organisation's policy has a value Roll Call cannot use/).count()).toBe(2);
  });

  it('keeps the user’s own value and the lock across a restart, and follows a changed policy', async () => {
    harness = await launchExtension();
    options = await harness.openPage('options.html');
    await options.getByLabel('Snooze length (minutes)').fill('20');
    await options.getByLabel('Snooze length (minutes)').press('Tab');
    await expect.poll(async () => (await storedSettings()).snoozeMin).toBe(20);
    const userDataDir = harness.userDataDir;
    await harness.close({ keepProfile: true });

    // The administrator changes the policy: a new default for what the user left alone, a new locked value.
    deploy({ ...POLICY, sittingIntervalMin: 50, snoozeMin: 5, goalBreaksPerDay: 7 });
    harness = await launchExtension({ userDataDir });
    await expect.poll(storedSettings).toMatchObject({ sittingIntervalMin: 50, snoozeMin: 20, goalBreaksPerDay: 7 });
    options = await harness.openPage('options.html');
    await expect.poll(() => options.getByLabel('Sitting interval (minutes)').inputValue()).toBe('50');
  });

  it('takes a policy changed while the browser runs at once (storage.managed.onChanged)', async () => {
    harness = await launchExtension();
    await expect.poll(async () => (await storedSettings()).sittingIntervalMin).toBe(60);
    deploy({ ...POLICY, sittingIntervalMin: 40 });
    // What an administrator's tooling does, or Chromium itself on its next periodic read.
    const policyPage = await harness.context.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.getByRole('button', { name: 'Reload policies' }).click();
    await expect.poll(async () => (await storedSettings()).sittingIntervalMin).toBe(40);
  });
});
