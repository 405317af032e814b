import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BYTE_BUDGETS } from './budgets.ts';

/**
 * Gzip bytes of what each entrypoint loads: a page's script, every chunk it
 * preloads and every stylesheet it links; the background's one script.
 * Shared by the size test (budgets) and the benchmark (figures).
 */

export type Entrypoint = keyof typeof BYTE_BUDGETS;

export interface EntrypointSize {
  files: Array<{ file: string; gzipBytes: number }>;
  gzipBytes: number;
}

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function pageAssets(html: string): string[] {
  const found = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].flatMap((m) => m[1] ?? []);
  return [...new Set(found)];
}

export function measureEntrypoints(outputDir: string): Record<Entrypoint, EntrypointSize> {
  const measure = (files: string[]): EntrypointSize => {
    const sized = files.map((file) => ({ file, gzipBytes: gzipBytes(join(outputDir, file)) }));
    return { files: sized, gzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0) };
  };
  const page = (name: string) => measure(pageAssets(readFileSync(join(outputDir, `${name}.html`), 'utf8')));
  return { popup: page('popup'), options: page('options'), background: measure(['background.js']) };
}

/** Raw and gzip bytes of each step drawing in the build, and their gzip total. */
export function measureDrawings(outputDir: string): { files: Array<{ file: string; rawBytes: number; gzipBytes: number }>; gzipBytes: number } {
  const dir = join(outputDir, 'drawings');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.svg'))
    .sort()
    .map((name) => {
      const file = join('drawings', name);
      return { file, rawBytes: readFileSync(join(outputDir, file)).length, gzipBytes: gzipBytes(join(outputDir, file)) };
    });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
