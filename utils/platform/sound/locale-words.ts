import type { CountKey, MessageKey, Words } from '../i18n';

/**
 * Words from the extension's own locale files, for Chrome's offscreen document, which has no `i18n` API: the
 * worker sends what a cue says as data, and the document words it here as `browser.i18n` would.
 */

interface Message {
  message: string;
  placeholders?: Record<string, { content: string } | undefined>;
}

export type Catalog = Record<string, Message | undefined>;

/** The locale every message falls back to (the manifest's `default_locale`). */
const DEFAULT_LOCALE = 'en';

/** As Chrome substitutes: named placeholders ($STEP$) become their content, then $1…$9 the arguments, and $$ a dollar. */
function format({ message, placeholders }: Message, substitutions: string[]): string {
  const named = message.replace(/\$([\w@]+)\$/g, (_, name: string) => placeholders?.[name.toLowerCase()]?.content ?? '');
  return named.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (substitutions[Number(n) - 1] ?? '')));
}

/** Words in `lang` from its catalogs, most specific first: a key missing from one is looked up in the next. */
export function wordsFrom(lang: string, catalogs: readonly Catalog[]): Words {
  const lookup = (key: string) => catalogs.map((catalog) => catalog[key]).find((entry) => entry !== undefined);
  const t = (key: MessageKey, ...substitutions: Array<string | number>) => {
    const entry = lookup(key);
    return entry ? format(entry, substitutions.map(String)) : key;
  };
  const tCount = (key: CountKey, count: number) => {
    const number = new Intl.NumberFormat(lang).format(count);
    const entry = lookup(`${key}_${new Intl.PluralRules(lang).select(count)}`);
    return entry ? format(entry, [number]) : t(`${key}_other`, number);
  };
  return { t, tCount };
}

/** The locale folders Chrome would use for a UI language, most specific first: pt-BR → pt_BR, pt, en. */
export function localeFolders(lang: string): string[] {
  return [...new Set([lang.replace('-', '_'), lang.split(/[-_]/)[0] ?? DEFAULT_LOCALE, DEFAULT_LOCALE])];
}

async function fetchCatalog(folder: string): Promise<Catalog> {
  const response = await fetch(`/_locales/${folder}/messages.json`);
  if (!response.ok) throw new Error(`No locale ${folder}`);
  return (await response.json()) as Catalog;
}

/** The words for `lang` from the locale files this build carries; a folder it lacks is passed over. */
export async function loadLocaleWords(lang: string, load: (folder: string) => Promise<Catalog> = fetchCatalog): Promise<Words> {
  const catalogs = await Promise.all(localeFolders(lang).map((folder) => load(folder).catch(() => undefined)));
  return wordsFrom(
    lang,
    catalogs.filter((catalog) => catalog !== undefined),
  );
}
