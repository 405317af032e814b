import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The X tools the real-idle tests drive, and the Debian packages that hold them. */
const TOOLS: Record<string, string> = { Xvfb: 'xvfb', xdotool: 'xdotool', xprintidle: 'xprintidle', xset: 'x11-xserver-utils' };

export interface VirtualDisplay {
  /** The value for DISPLAY, e.g. ":42". */
  display: string;
  /** The environment a headed Chromium needs to open its windows on this display. */
  env: Record<string, string>;
  /** Real X input, which (unlike Playwright's page input) resets the X idle time that chrome.idle reads. */
  xdotool(...args: string[]): Promise<void>;
  /** Milliseconds since the last X input, as the X server counts them. */
  idleMs(): Promise<number>;
  close(): Promise<void>;
}

function assertTools() {
  const missing = Object.keys(TOOLS).filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((tool) => TOOLS[tool]))].join(' ');
    throw new Error(
      `The real-idle tests need ${missing.join(', ')}. Install with ` +
        `"apt-get install -y --no-install-recommends ${packages} x11-utils xauth", then run the tests again.`,
    );
  }
}

/**
 * Starts a private Xvfb. `-displayfd` lets the server pick a free display
 * number itself and tell us which, so two runs on one machine never collide
 * and no lock file is guessed at.
 */
export async function startXvfb(): Promise<VirtualDisplay> {
  assertTools();
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 10 s: ${stderr}`)), 10_000);
    (server.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with code ${code}: ${stderr}`));
    });
  });

  const display = `:${number}`;
  const env = { ...process.env, DISPLAY: display } as Record<string, string>;
  // Xvfb's screen saver would start after 600 s without input and chrome.idle would then report `locked`.
  await run('xset', ['s', 'off'], { env });

  return {
    display,
    env,
    async xdotool(...args) {
      await run('xdotool', args, { env });
    },
    async idleMs() {
      const { stdout } = await run('xprintidle', [], { env });
      return Number(stdout.trim());
    },
    async close() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
