import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The service worker; Playwright keeps the same object when Chrome restarts it. */
  worker(): Promise<Worker>;
  /** Runs a function in the service worker, waking it first if it was stopped. */
  inWorker<R>(fn: () => R | Promise<R>): Promise<R>;
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  openPage(path: string): Promise<Page>;
  /** Stops the service worker the way Chrome does when it has been idle. */
  killWorker(): Promise<void>;
  /** Starts a stopped worker again, as any message to it would. */
  wakeWorker(): Promise<void>;
  /** Whether the service worker is running now, asked without waking it (so an alarm's own wake-up can be seen). */
  isWorkerRunning(): Promise<boolean>;
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
export interface LaunchOptions {
  userDataDir?: string;
  language?: string;
  /** Another copy of the build (the benchmark adds a page to its own copy). */
  extensionDir?: string;
  /** A real window (on the X display named in `env`), for tests that need real input and the real idle state. */
  headed?: boolean;
  /** Extra environment for Chromium, e.g. DISPLAY for a virtual X server. */
  env?: Record<string, string>;
  /** Pages keep the size of their real window (no emulated 1280×720 viewport), for tests of the windows the extension opens. */
  realWindowSizes?: boolean;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  assertPrerequisites();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'roll-call-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: !options.headed,
    // A headed window keeps its own size instead of Playwright's emulated viewport.
    ...(options.headed || options.realWindowSizes ? { viewport: null } : {}),
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      ...(options.language ? [`--lang=${options.language}`] : []),
    ],
    // On Linux, Chromium takes its UI language (and so the extension's locale) from the environment.
    ...(options.language || options.env
      ? { env: { ...process.env, ...options.env, ...(options.language ? { LANGUAGE: options.language, LANG: `${options.language}.UTF-8` } : {}) } }
      : {}),
    ...(options.language ? { locale: options.language } : {}),
  });

  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  let extensionId = '';

  /** Any message wakes a stopped worker, as a click in the popup would. */
  const wakeWorker = async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.evaluate(() => chrome.runtime.sendMessage('wake').catch(() => undefined));
    await page.close();
  };

  extensionId = new URL((await worker()).url()).host;

  /** The worker's DevTools targets, read over CDP from a blank page, which neither wakes the worker nor counts as a view. */
  async function withWorkerTargets<R>(work: (cdp: CDPSession, targets: Array<{ targetId: string }>) => Promise<R>): Promise<R> {
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: Array<{ targetId: string; type: string; url: string }>;
      };
      return await work(
        cdp,
        targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(extensionId)),
      );
    } finally {
      await page.close();
    }
  }

  // Playwright keeps one Worker object across restarts; a call that meets a stopped worker wakes it and tries again.
  async function inWorker(fn: unknown, arg?: unknown): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await (await worker()).evaluate(fn as never, arg as never);
      } catch (error) {
        if (attempt >= 3 || !/restarted|closed/.test(String(error))) throw error;
        await wakeWorker();
      }
    }
  }

  // A fresh profile's first start stamps the schema version and the onboarded flag; a test that seeds
  // storage before that ends would race it (the stamp could overwrite a seeded older version).
  if (!options.userDataDir) await untilFirstStartEnded(() => inWorker(async () => (await chrome.storage.local.get('onboarded')).onboarded === true));

  return {
    context,
    extensionId,
    userDataDir,
    worker,
    inWorker,
    wakeWorker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async killWorker() {
      await withWorkerTargets(async (cdp, targets) => {
        for (const target of targets) await cdp.send('Target.closeTarget', { targetId: target.targetId });
      });
    },
    isWorkerRunning: () => withWorkerTargets(async (_cdp, targets) => targets.length > 0),
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function untilFirstStartEnded(isOnboarded: () => Promise<unknown>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isOnboarded())) {
    if (Date.now() > deadline) throw new Error(`The extension's first start did not finish within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const clock = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/**
 * Settings whose active hours run from an hour ago to three hours ahead, every
 * day, so tests that count sitting behave the same at any time of day; and no
 * lead-in, so tests that time steps see them start at once (the voice test sets its own).
 */
export function activeNowSettings(now = Date.now()): Record<string, unknown> {
  return {
    activeDays: [0, 1, 2, 3, 4, 5, 6],
    activeStart: clock(new Date(now - 60 * 60_000)),
    activeEnd: clock(new Date(now + 3 * 60 * 60_000)),
    leadInSec: 0,
  };
}
