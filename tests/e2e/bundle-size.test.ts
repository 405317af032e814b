import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, DRAWINGS_BUDGET, measureDrawings, measureEntrypoints } from '../../scripts/bundle-sizes';
import { STEP_KINDS } from '../../utils/routine/presets';
import { EXTENSION_DIR } from './fixture';

// Bytes are deterministic for a given build, so the budgets are a test; timings are only printed by the bench.
describe('bundle budgets (gzip)', () => {
  const sizes = measureEntrypoints(EXTENSION_DIR);

  it.each(Object.entries(BUDGETS))('%s stays within %i bytes, counting every chunk it loads', (name, budget) => {
    const size = sizes[name as keyof typeof BUDGETS];
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThanOrEqual(budget);
  });

  it('has a drawing for every step kind, all of them together within 12 KB, none inside the popup\'s script', () => {
    const drawings = measureDrawings(EXTENSION_DIR);
    expect(drawings.files.map((f) => f.file).sort()).toEqual(STEP_KINDS.map((kind) => `drawings/${kind}.svg`).sort());
    expect(drawings.gzipBytes).toBeLessThanOrEqual(DRAWINGS_BUDGET);
    // Loaded by <img> from their own files: the popup's budget above counts none of their bytes, so none may sit in its code.
    const popupCode = sizes.popup.files.map((f) => readFileSync(join(EXTENSION_DIR, f.file), 'utf8')).join('\n');
    expect(popupCode).not.toContain('@keyframes');
    expect(popupCode).toContain('/drawings/');
  });

  it('keeps the popup free of the schema and storage libraries', () => {
    const popupCode = sizes.popup.files.map((f) => readFileSync(join(EXTENSION_DIR, f.file), 'utf8')).join('\n');
    // Marks each library leaves in a minified build: valibot's issue message, @wxt-dev/storage's version check.
    expect(popupCode).not.toContain('Invalid ${');
    expect(popupCode).not.toContain('Storage item version');
    // The options page still carries both libraries, which shows the marks are still left in a build.
    const optionsCode = sizes.options.files.map((f) => readFileSync(join(EXTENSION_DIR, f.file), 'utf8')).join('\n');
    expect(optionsCode).toContain('Storage item version');
    expect(optionsCode).toContain('Invalid ${');
  });

  it('keeps the worker free of the storage and messaging libraries, which only the pages use', () => {
    const backgroundCode = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
    expect(backgroundCode).not.toContain('Storage item version');
    expect(backgroundCode).not.toContain('Unknown message format');
  });
});
