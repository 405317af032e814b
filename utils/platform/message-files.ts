import { browser } from 'wxt/browser';
import { messageFiles } from './i18n';

/**
 * The words of a page when the browser has none to give. Chromium loads an
 * extension's messages once per renderer process, on the first
 * `i18n.getMessage`, and keeps whatever answer it got, an empty one too: a
 * load that failed leaves every page in that process without text. Such a
 * page reads the same messages from the extension's own `_locales` files.
 */

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type LocaleMessages = Record<string, LocaleEntry | undefined>;

/** The locale folders to read, most specific first, as the browser picks them: "pt-BR" → pt_BR, pt, then the default (en). */
export function localeFolders(uiLanguage: string): string[] {
  const exact = uiLanguage.replace(/-/g, '_');
  const [language = exact] = exact.split('_');
  return [...new Set([exact, language, 'en'])];
}

/** `$NAME$` becomes its placeholder's content, then `$1`…`$9` the substitutions and `$$` a dollar sign, as `i18n.getMessage` does. */
export function formatMessage(entry: LocaleEntry, substitutions: readonly string[]): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole)
    .replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}

/** One lookup over the locales in order: a key the UI language lacks comes from the next. */
export function lookupIn(locales: readonly LocaleMessages[]) {
  return (key: string, substitutions: string[]): string => {
    const entry = locales.map((messages) => messages[key]).find((found) => found !== undefined);
    return entry ? formatMessage(entry, substitutions) : '';
  };
}

async function readLocale(folder: string): Promise<LocaleMessages> {
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${folder}/messages.json` as '/'));
    return response.ok ? ((await response.json()) as LocaleMessages) : {};
  } catch {
    // A language the extension does not ship has no folder; the next one answers.
    return {};
  }
}

/** Reads the UI language's messages (then the fallbacks') from the extension's files, for every later `t`. */
export async function loadMessageFiles(): Promise<void> {
  const locales = await Promise.all(localeFolders(browser.i18n.getUILanguage()).map(readLocale));
  messageFiles.lookup = lookupIn(locales);
}

/**
 * Nothing to wait for (undefined) when the browser has the messages, the usual
 * case: no fetch, no wait before the first paint. Otherwise the reading of
 * the locale files, after which every `t` finds its words there.
 */
export function loadMessagesIfMissing(): Promise<void> | undefined {
  return messagesMissing() ? loadMessageFiles() : undefined;
}

/** Whether the browser gave this page no words: any key the English file has would do. */
export const messagesMissing = () => !browser.i18n.getMessage('extName');

/** Runs `paint` at once when the browser has the messages, or once they are read from the files: no page ever shows a key. */
export function withMessages(paint: () => void): void {
  const loading = loadMessagesIfMissing();
  if (loading) void loading.then(paint);
  else paint();
}
