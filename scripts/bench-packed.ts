// The packed build as users get it (a .crx force-installed by machine policy), for `npm run bench`: step-cue
// lateness with every view closed, where Chrome's release limits (the 30 s alarm floor) apply. bench.ts runs this
// under `flock /tmp/chromium-policy.lock`, because the policy file it writes changes every Chromium on the machine.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { TIMING_BUDGETS } from './budgets.ts';
import { measureCuesWithViewsClosed, printCueFigures } from './cue-lateness.ts';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const POLICY_FILE = join(process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed', 'roll-call-bench.json');
const sleep = (time: number) => new Promise((r) => setTimeout(r, time));

/** The extension id Chrome gives a key: SHA-256 of its public key (SPKI DER), first 32 hex digits written a–p. */
function extensionIdOf(keyFile: string): string {
  const spki = execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-outform', 'DER']);
  const hex = createHash('sha256').update(spki).digest('hex').slice(0, 32);
  return Array.from(hex, (digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Packs `buildDir` with a new key, as a store would ship it: returns the .crx's path and the extension's id. */
function pack(buildDir: string, work: string): { crx: string; id: string; version: string } {
  const key = join(work, 'key.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'ignore' });
  const dir = join(work, 'roll-call');
  cpSync(buildDir, dir, { recursive: true });
  execFileSync(CHROME_PATH, ['--headless=new', '--no-sandbox', `--pack-extension=${dir}`, `--pack-extension-key=${key}`], { stdio: 'ignore' });
  if (!existsSync(`${dir}.crx`)) throw new Error(`Chromium did not pack ${dir}`);
  const { version } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  return { crx: `${dir}.crx`, id: extensionIdOf(key), version };
}

/** Serves the update manifest and the .crx on loopback (Chromium ignores a file:// update URL). */
async function serve(crx: string, id: string, version: string) {
  let port = 0;
  const server = createServer((request, response) => {
    // Chromium asks with a query string (its version, the app id).
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/update.xml') {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(
        `<?xml version='1.0' encoding='UTF-8'?><gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'><app appid='${id}'><updatecheck codebase='http://127.0.0.1:${port}/roll-call.crx' version='${version}'/></app></gupdate>`,
      );
    } else if (path === '/roll-call.crx') {
      response.writeHead(200, { 'content-type': 'application/x-chrome-extension' });
      response.end(readFileSync(crx));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return { updateUrl: `http://127.0.0.1:${port}/update.xml`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function main(buildDir: string) {
  const work = mkdtempSync(join(tmpdir(), 'roll-call-packed-'));
  const { crx, id, version } = pack(buildDir, work);
  const server = await serve(crx, id, version);
  try {
    mkdirSync(join(POLICY_FILE, '..'), { recursive: true });
    // DeveloperToolsAvailability 1: without it Chromium refuses DevTools (and so Playwright) on the extension's pages.
    writeFileSync(POLICY_FILE, JSON.stringify({ ExtensionInstallForcelist: [`${id};${server.updateUrl}`], DeveloperToolsAvailability: 1 }));
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROME_PATH,
      headless: true,
      // Playwright's defaults turn off what a policy install needs.
      ignoreDefaultArgs: [
        '--disable-extensions',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-component-extensions-with-background-pages',
      ],
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      await installed(context, id);
      printCueFigures(
        'packed build (.crx installed by policy)',
        await measureCuesWithViewsClosed({ context, extensionId: id }),
        TIMING_BUDGETS.cueViewsClosedMs,
      );
    } finally {
      await context.close();
    }
  } finally {
    rmSync(POLICY_FILE, { force: true });
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Waits for the policy install: the worker's target shows up, and a new tab then loads the options page. */
async function installed(context: import('playwright-core').BrowserContext, id: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    for (;;) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
      if (targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(id))) break;
      if (Date.now() > deadline) throw new Error('The packed build was not installed within 60 s: is the policy directory writable (run as root)?');
      await sleep(250);
    }
  } finally {
    await cdp.detach();
    await page.close();
  }
  // Its first start (the welcome page, the onboarded stamp) ends before the measuring begins.
  await sleep(2000);
}

const buildDir = process.argv[2];
if (!buildDir) throw new Error('usage: bench-packed.ts <built extension dir>');
await main(buildDir);
