import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeMessages } from '../locale';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const source = SOURCE_DIRS.flatMap((dir) => files(join(ROOT, dir))).map((path) => ({
  path: path.slice(ROOT.length + 1),
  // Comments may mention anything; only code counts.
  code: readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, ''),
}));

describe('source hygiene', () => {
  it('reads sources to check', () => {
    expect(source.length).toBeGreaterThan(40);
  });

  it('never sets HTML from strings', () => {
    expect(source.filter((f) => /innerHTML|dangerouslySetInnerHTML|outerHTML|insertAdjacentHTML/.test(f.code)).map((f) => f.path)).toEqual([]);
  });

  it('calls extension APIs only through the polyfilled `browser`', () => {
    expect(source.filter((f) => /\bchrome\./.test(f.code)).map((f) => f.path)).toEqual([]);
  });

  it('keeps timers out of the background and the core', () => {
    const backgroundAndCore = source.filter(
      (f) => f.path.startsWith('entrypoints/background') || (f.path.startsWith('utils/') && !f.path.startsWith('utils/platform')),
    );
    expect(backgroundAndCore.filter((f) => /setInterval|setTimeout/.test(f.code)).map((f) => f.path)).toEqual([]);
  });

  it('hard-codes no user-visible text in the UI: every word comes from the locale files', () => {
    const offenders = source
      .filter((f) => f.path.endsWith('.tsx'))
      .flatMap((f) => {
        // JSX text: from a tag's `>` (not an arrow's `=>`) to the next `<` on one line, with none of the punctuation code would have.
        const textNodes = [...f.code.matchAll(/(?<!=)>([^<>{}\n;=()?:|&]*[A-Za-z][^<>{}\n;=()?:|&]*)</g)].map((m) => m[1]!.trim());
        const attributes = [...f.code.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g)].map((m) => `${m[1]}="${m[2]}"`);
        return [...textNodes, ...attributes].map((text) => `${f.path}: ${text}`);
      });
    expect(offenders).toEqual([]);
  });
});

describe('locales', () => {
  const en = localeMessages('en');
  const locales = readdirSync(join(ROOT, 'public/_locales'));

  it('are the ten the product ships in', () => {
    expect(locales.sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR', 'zh_CN']);
  });

  /** `count_days_one` → `count_days`: the messages that differ only by plural category are one counted noun. */
  const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
  const countedNouns = (keys: string[]) => [...new Set(keys.flatMap((key) => PLURAL.exec(key)?.[1] ?? []))].sort();
  const plainKeys = (keys: string[]) => keys.filter((key) => !PLURAL.test(key)).sort();

  it.each(locales)('%s has every message, with the same placeholders, and no empty message', (locale) => {
    const messages = localeMessages(locale);
    expect(plainKeys(Object.keys(messages))).toEqual(plainKeys(Object.keys(en)));
    expect(countedNouns(Object.keys(messages))).toEqual(countedNouns(Object.keys(en)));
    for (const [key, entry] of Object.entries(messages)) {
      const english = en[key] ?? en[`${PLURAL.exec(key)?.[1] ?? key}_other`];
      expect(entry.message.trim(), key).not.toBe('');
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual(Object.keys(english?.placeholders ?? {}).sort());
      const used = [...entry.message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
      expect([...new Set(used)], key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  it.each(locales)('%s has exactly the plural categories its language uses for every counted noun', (locale) => {
    const messages = localeMessages(locale);
    const categories = new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories;
    for (const noun of countedNouns(Object.keys(en))) {
      const present = Object.keys(messages).flatMap((key) => (PLURAL.exec(key)?.[1] === noun ? [PLURAL.exec(key)![2]!] : []));
      expect(present.sort(), `${locale}: ${noun}`).toEqual([...categories].sort());
    }
  });

  it('every key the code asks for exists', () => {
    const asked = new Set(source.flatMap((f) => [...f.code.matchAll(/\bt\('([a-zA-Z_]+)'/g)].map((m) => m[1]!)));
    expect([...asked].filter((key) => !(key in en))).toEqual([]);
  });
});

describe('README screenshots', () => {
  it.each(['popup-idle', 'popup-running', 'pop-out', 'side-panel', 'options', 'history', 'welcome', 'reminder'])(
    '%s.png is committed and at most 200 KB',
    (name) => {
      const size = statSync(join(ROOT, 'docs/screenshots', `${name}.png`)).size;
      expect(size).toBeGreaterThan(1000);
      expect(size).toBeLessThanOrEqual(200 * 1024);
    },
  );
});
