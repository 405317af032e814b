import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionHarness } from './fixture';
import { openOptions } from './pages/options';
import { openPopup } from './pages/popup';

describe('the built extension in Chromium', () => {
  // One fresh profile for the file: these tests only read, so none can change what another sees.
  let harness: ExtensionHarness;
  beforeAll(async () => {
    harness = await launchExtension();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  it('asks for exactly the permissions it needs, and no host access', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect([...(manifest.permissions as string[])].sort()).toEqual(['alarms', 'idle', 'notifications', 'offscreen', 'power', 'sidePanel', 'storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.name).toBe('__MSG_extName__');
  });

  it('registers its service worker, which recovers at start', async () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await harness.worker();
    expect(await worker.evaluate(() => chrome.runtime.getManifest().name)).toBe('Roll Call');
    await expect.poll(() => worker.evaluate(async () => (await chrome.storage.sync.get('settings$')).settings$)).toEqual({ v: 2 });
  });

  it('opens the welcome page, a page of its own, on first install', async () => {
    await expect.poll(() => harness.context.pages().some((p) => p.url().endsWith('/welcome.html'))).toBe(true);
    expect(harness.context.pages().some((p) => p.url().includes('/options.html'))).toBe(false);
  });

  it('shows the default break routine in the popup', async () => {
    const popup = await openPopup(harness);
    await popup.idle();
    expect(await popup.isChosen(/Desk break/)).toBe(true);
    expect(await popup.steps()).toEqual([
      'Roll your left foot1:30',
      'Roll your right foot1:30',
      'Walk barefoot1:00',
      'Stretch your left calf0:30',
      'Stretch your right calf0:30',
    ]);
    await popup.close();
  });

  it('renders the options page with the current intervals', async () => {
    const options = await openOptions(harness);
    await expect.poll(() => options.sittingIntervalField().inputValue()).toBe('45');
    expect(await options.heading()).toBe('Roll Call settings');
    await options.close();
  });
});

describe('the extension in German', () => {
  it('shows every page in the browser’s language', async () => {
    const harness = await launchExtension({ language: 'de' });
    try {
      const popup = await harness.openPage('popup.html');
      await popup.getByRole('button', { name: 'Routine starten' }).waitFor();
      expect(await popup.title()).toBe('Roll Call');
      const options = await harness.openPage('options.html');
      await options.getByRole('heading', { level: 1, name: 'Roll Call – Einstellungen' }).waitFor();
      expect(await options.getByLabel('Sitzintervall (Minuten)').inputValue()).toBe('45');
    } finally {
      await harness.close();
    }
  });
});
