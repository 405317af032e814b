import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BYTE_CEILINGS, DRAWINGS_BUDGET } from '../../scripts/budgets';
import { measureDrawings, measureEntrypoints } from '../../scripts/bundle-sizes';
import { STEP_KINDS } from '../../utils/routine/presets';
import { EXTENSION_DIR } from './fixture';

// Bytes are deterministic for a given build, so the byte budgets are a test; timings are only printed by the bench.
// The test pins sizes, not which libraries sit where: a library that comes back into the popup or the worker
// shows up here as bytes over the budget, and a check for a library's text would only test its wording.
describe('bundle budgets (gzip)', () => {
  const sizes = measureEntrypoints(EXTENSION_DIR);

  // The ceilings are the budgets, but for the worker's, which is over its budget and held where it is (scripts/budgets.ts).
  it.each(Object.entries(BYTE_CEILINGS))('%s stays within %i bytes, counting every chunk it loads', (name, ceiling) => {
    const size = sizes[name as keyof typeof BYTE_CEILINGS];
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThanOrEqual(ceiling);
  });

  it("has a drawing for every step kind, all of them together within the drawings budget, none inside the popup's script", () => {
    const drawings = measureDrawings(EXTENSION_DIR);
    expect(drawings.files.map((f) => f.file).sort()).toEqual(STEP_KINDS.map((kind) => `drawings/${kind}.svg`).sort());
    expect(drawings.gzipBytes).toBeLessThanOrEqual(DRAWINGS_BUDGET);
    // The drawings have a budget of their own, outside the popup's: loaded by <img> from their files, so none of
    // their bytes may sit in the popup's code, where the popup's budget would not see them as drawings.
    const popupCode = sizes.popup.files.map((f) => readFileSync(join(EXTENSION_DIR, f.file), 'utf8')).join('\n');
    expect(popupCode).not.toContain('@keyframes');
    expect(popupCode).toContain('/drawings/');
  });
});
