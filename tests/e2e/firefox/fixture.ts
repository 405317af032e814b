import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BrowserHarness } from '../harness';

/**
 * Firefox ESR with the real Firefox build, driven over WebDriver BiDi by
 * puppeteer-core (no geckodriver, no browser download). The pitfalls found
 * by trying are noted where each is handled below.
 */

const OUTPUT_DIR = resolve(import.meta.dirname, '../../../.output');
export const FIREFOX_BUILD_DIR = join(OUTPUT_DIR, 'firefox-mv3');
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'roll-call@roll-call.app';
/** Fixed in advance through a pref, so every page URL is known before the add-on is installed. */
const EXTENSION_UUID = '7c3f5e0a-9b1d-4e2f-8a6c-1d2e3f4a5b6c';
export const ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxHarness extends BrowserHarness<Page> {
  readonly browser: Browser;
  /** Evaluates an expression in Firefox's own privileged (chrome) scope; its value must be JSON. */
  inChrome<R>(expression: string): Promise<R>;
  /** Errors and warnings that Firefox logged against Roll Call's own code since the browser started. */
  consoleProblems(): Promise<string[]>;
  /** The notifications Firefox shows in its own small windows (alerts.useSystemBackend=false). */
  shownAlerts(): Promise<Array<{ title: string; text: string }>>;
  /** Clicks the body of the shown notification with this title, as the user would. */
  clickAlert(title: string): Promise<void>;
  /** Closes the shown notification with this title unclicked, as Firefox does by itself after about 20 s. */
  closeAlert(title: string): Promise<void>;
  /**
   * Closes a page once the background has answered everything sent before now: its queue is
   * serial, so the reply to one more command comes after those. A page closed with a reply still
   * due makes Firefox log "Promise rejected after context unloaded" against it.
   */
  closePage(page: Page): Promise<void>;
  /** An open page whose URL starts with `prefix` (Puppeteer's own page URLs stay about:blank for moz-extension:// pages). */
  findPage(prefix: string): Promise<Page | undefined>;
  /** The tab URLs of every window, extension pages included. */
  tabUrls(): Promise<string[]>;
  /**
   * What Firefox itself holds for the add-on, read from the chrome scope so the
   * reading wakes nothing: whether the event page runs, its alarms, its badge.
   */
  browserSide(): Promise<{ background: string; alarms: Array<{ name: string; scheduledTime: number; periodInMinutes: number | null }>; badge: string }>;
}

export interface FirefoxLaunchOptions {
  /** Install the packed zip permanently, so the add-on survives restart(); otherwise a temporary install of the build directory. */
  permanent?: boolean;
  /** Firefox's UI language (needs the language pack installed to show it). */
  locale?: string;
}

function packedZip(): string {
  const zip = existsSync(OUTPUT_DIR) ? readdirSync(OUTPUT_DIR).find((f) => f.endsWith('-firefox.zip')) : undefined;
  if (!zip) throw new Error(`No packed Firefox add-on in ${OUTPUT_DIR}. Run "npm run zip:firefox" first.`);
  return join(OUTPUT_DIR, zip);
}

function assertPrerequisites() {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox was not found at ${FIREFOX_PATH}. Install it with "apt-get install -y firefox-esr" ` +
        '(or set FIREFOX_PATH to a Firefox ESR binary), then run the tests again.',
    );
  }
  if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_BUILD_DIR}. Run "npm run zip:firefox" first.`);
  }
}

async function startFirefox(userDataDir: string, locale: string | undefined): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir,
    // Lets BiDi open moz-extension:// pages and evaluate in Firefox's privileged windows.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // With no notification daemon the system backend fails every notification; Firefox's own windows can be clicked.
      'alerts.useSystemBackend': false,
      // ESR honours this, so the unsigned zip can be installed permanently.
      'xpinstall.signatures.required': false,
      ...(locale ? { 'intl.locale.requested': locale } : {}),
    },
  });
}

/** Puppeteer's BiDi connection, for the commands it has no method for; it is not in the public types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
const bidi = (browser: Browser) => (browser as unknown as { connection: BidiConnection }).connection;

const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  assertPrerequisites();
  const userDataDir = mkdtempSync(join(tmpdir(), 'roll-call-firefox-'));
  let browser = await startFirefox(userDataDir, options.locale);
  let helper: Page | undefined;

  async function navigate(page: Page, path: string) {
    // page.goto() to a moz-extension:// URL loads the page but never resolves; the raw command does.
    await bidi(browser).send('browsingContext.navigate', {
      context: contextOf(page),
      url: `${ORIGIN}/${path.replace(/^\//, '')}`,
      wait: 'complete',
    });
  }

  async function openPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    // Firefox throttles timers in background tabs hard enough to stall a countdown.
    await page.bringToFront();
    await navigate(page, path);
    return page;
  }

  /**
   * A quiet extension page of its own for running code with the extension's
   * APIs. An icon is not a routine view, so it never counts as an open popup.
   */
  async function helperPage(): Promise<Page> {
    if (helper && !helper.isClosed()) return helper;
    helper = await browser.newPage();
    await navigate(helper, 'icons/16.png');
    return helper;
  }

  async function inBackground(fn: (arg?: unknown) => unknown, arg?: unknown): Promise<unknown> {
    const page = await helperPage();
    // getBackgroundPage() starts a stopped event page and waits for it, as any event would.
    await page.evaluate(async () => {
      await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<unknown> } } }).browser.runtime.getBackgroundPage();
    });
    return page.evaluate(fn as never, arg as never);
  }

  async function inChrome<R>(expression: string): Promise<R> {
    const tree = (await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as {
      result: { contexts: Array<{ context: string; url: string }> };
    };
    const target = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml') ?? tree.result.contexts[0]!;
    const reply = (await bidi(browser).send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => (${expression}))()))()`,
      target: { context: target.context },
      awaitPromise: true,
    })) as unknown as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (reply.result.type !== 'success') throw new Error(`Chrome-scope evaluation failed: ${reply.result.exceptionDetails?.text}`);
    const value = reply.result.result?.value;
    return (value === undefined ? undefined : JSON.parse(value)) as R;
  }

  async function install() {
    if (options.permanent) {
      await bidi(browser).send('webExtension.install', {
        extensionData: { type: 'archivePath', path: packedZip() },
        'moz:permanent': true,
      });
    } else {
      await browser.installExtension(FIREFOX_BUILD_DIR);
    }
  }

  await install();
  // The first start stamps the schema version and the onboarded flag; a test that seeds storage before that ends would race it.
  await until('the first start to finish', () => inBackground(async () => (await chrome.storage.local.get('onboarded')).onboarded === true));
  const harness: FirefoxHarness = {
    get browser() {
      return browser;
    },
    origin: ORIGIN,
    userDataDir,
    openPage,
    inBackground: inBackground,
    inChrome,
    async stopBackground() {
      await inChrome(`(async () => {
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
        await extension.terminateBackground();
        return extension.backgroundState;
      })()`);
    },
    async restart() {
      helper = undefined;
      await browser.close();
      browser = await startFirefox(userDataDir, options.locale);
    },
    async consoleProblems() {
      return inChrome<string[]>(`Services.console.getMessageArray()
        .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.infoFlag))
        // Errors in Roll Call's pages name their moz-extension:// source; Firefox's warnings about how the add-on
        // uses an API begin "In add-on <id>". Firefox's own bookkeeping (e.g. conduits closing with a page) is not ours.
        .filter((m) => (m.sourceName || '').includes(${JSON.stringify(EXTENSION_UUID)}) || m.errorMessage.startsWith(${JSON.stringify(`In add-on ${GECKO_ID}`)}))
        .map((m) => m.errorMessage + ' @ ' + m.sourceName)`);
    },
    async shownAlerts() {
      return inChrome(`[...Services.wm.getEnumerator('alert:alert')]
        .filter((w) => !w.closed && w.document.getElementById('alertTitleLabel'))
        .map((w) => ({
          title: w.document.getElementById('alertTitleLabel').value ?? w.document.getElementById('alertTitleLabel').textContent,
          text: w.document.getElementById('alertTextLabel').textContent,
        }))`);
    },
    async clickAlert(title) {
      const clicked = await inChrome<boolean>(`(() => {
        const win = [...Services.wm.getEnumerator('alert:alert')].find((w) =>
          !w.closed && (w.document.getElementById('alertTitleLabel').value ?? w.document.getElementById('alertTitleLabel').textContent) === ${JSON.stringify(title)});
        if (!win) return false;
        win.document.getElementById('alertBox').click();
        return true;
      })()`);
      if (!clicked) throw new Error(`No notification titled "${title}" is shown.`);
    },
    async closeAlert(title) {
      const closed = await inChrome<boolean>(`(() => {
        const win = [...Services.wm.getEnumerator('alert:alert')].find((w) =>
          !w.closed && (w.document.getElementById('alertTitleLabel').value ?? w.document.getElementById('alertTitleLabel').textContent) === ${JSON.stringify(title)});
        if (!win) return false;
        win.close();
        return true;
      })()`);
      if (!closed) throw new Error(`No notification titled "${title}" is shown.`);
    },
    async closePage(page) {
      await inBackground(() => chrome.runtime.sendMessage({ id: 0, type: 'refresh', data: undefined, timestamp: Date.now() }));
      await page.close();
    },
    async findPage(prefix) {
      for (const page of await browser.pages()) {
        const url = await page.evaluate(() => location.href).catch(() => '');
        if (url.startsWith(prefix)) return page;
      }
      return undefined;
    },
    async tabUrls() {
      return inChrome(`[...Services.wm.getEnumerator('navigator:browser')].flatMap((w) => w.gBrowser.browsers.map((b) => b.currentURI.spec))`);
    },
    async browserSide() {
      return inChrome(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.extension;
        if (!extension) return { background: 'not installed', alarms: [], badge: '' };
        const apis = ExtensionParent.apiManager.apis.get(extension);
        return {
          background: extension.backgroundState,
          alarms: [...(apis.get('alarms')?.alarms.values() ?? [])].map((alarm) => alarm.data),
          badge: apis.get('browserAction')?.action.getProperty(null, 'badgeText') ?? '',
        };
      })()`);
    },
    async close({ keepProfile = false } = {}) {
      await browser.close().catch(() => undefined);
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Polls until `check` returns a truthy value, or fails after `timeoutMs` with `what` in the message. */
export async function until<T>(what: string, check: () => Promise<T> | T, timeoutMs = 15_000, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
