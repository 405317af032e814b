import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The current service worker, waiting for a fresh one if the last was stopped. */
  worker(): Promise<Worker>;
  openPage(path: string): Promise<Page>;
  /** Stops the service worker the way Chrome does when it has been idle. */
  killWorker(): Promise<void>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

function assertPrerequisites() {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROME_PATH}. Install it with "apt-get install -y chromium" ` +
        '(or set CHROME_PATH to a Chromium binary), then run the tests again.',
    );
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}. Run "npm run build" first.`);
  }
}

/** Launches Chromium with the unpacked build loaded (the recipe from the design notes). */
export async function launchExtension(options: { userDataDir?: string } = {}): Promise<ExtensionHarness> {
  assertPrerequisites();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'roll-call-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });

  const worker = async () => {
    const live = context.serviceWorkers().find((w) => w.url().endsWith('/background.js'));
    return live ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;

  return {
    context,
    extensionId,
    userDataDir,
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async killWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: Array<{ targetId: string; type: string; url: string }>;
      };
      for (const target of targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(extensionId))) {
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
      }
      await cdp.detach();
      // Wait until Playwright has seen the worker go, so worker() cannot hand back the dead one.
      const deadline = Date.now() + 5000;
      while (context.serviceWorkers().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
