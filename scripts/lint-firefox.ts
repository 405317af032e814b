// Lints the Firefox build with Mozilla's own linter: no error, and no warning but the one the README explains.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import webExt from 'web-ext';

const SOURCE_DIR = '.output/firefox-mv3';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

// Preact's renderer contains the code path for `dangerouslySetInnerHTML`; Roll Call never uses it (a test checks the source).
const EXPLAINED = (m: LintMessage) =>
  m.code === 'UNSAFE_VAR_ASSIGNMENT' && m.file !== undefined && readFileSync(join(SOURCE_DIR, m.file), 'utf8').includes('dangerouslySetInnerHTML');

const result = (await webExt.cmd.lint({ sourceDir: SOURCE_DIR, output: 'none', selfHosted: false, boring: true }, { shouldExitProgram: false })) as LintResult;

const unexplained = [...result.errors, ...result.warnings.filter((w) => !EXPLAINED(w))];
for (const m of [...result.errors, ...result.warnings, ...result.notices]) {
  console.log(`${EXPLAINED(m) ? 'explained ' : ''}${m.code} ${m.file ?? ''}: ${m.message}`);
}
console.log(
  `web-ext lint: ${result.errors.length} errors, ${result.warnings.length} warnings (${result.warnings.length - result.warnings.filter((w) => !EXPLAINED(w)).length} explained), ${result.notices.length} notices`,
);
if (unexplained.length > 0) process.exit(1);
