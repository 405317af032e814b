import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

/** Every key of the English locale; a misspelt key fails the type check, not the user. */
export type MessageKey = keyof typeof messages;

/**
 * Where a page finds its words when the browser gives none: set by
 * `utils/platform/message-files.ts`, which reads the extension's own locale
 * files. The worker never sets it, so it carries none of that code.
 */
export const messageFiles: { lookup?: (key: string, substitutions: string[]) => string } = {};

/** The text for a key in the UI language, or '' when neither the browser nor the locale files have it. */
function message(key: string, substitutions: string[]): string {
  // The plural categories are only known at run time; English types only `_one` and `_other`.
  return browser.i18n.getMessage(key as MessageKey, substitutions) || messageFiles.lookup?.(key, substitutions) || '';
}

/** The user-visible text for a key, in the browser's language. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return message(key, substitutions.map(String)) || key;
}

/**
 * Counted nouns: one message per CLDR plural category (`_one`, `_few`, `_many`, `_other`, …), and
 * each locale carries exactly the categories its language uses (Polish four, Japanese only `_other`).
 * `browser.i18n` has no plural forms of its own.
 */
export type CountKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** "1 routine", "2 routines", "5 ćwiczeń": the form the UI language's plural rules pick for `count`. */
export function tCount(key: CountKey, count: number): string {
  const lang = browser.i18n.getUILanguage();
  const category = new Intl.PluralRules(lang).select(count);
  // The number as the language writes it: "1 000 000" in French, "1,5" in Polish.
  const number = new Intl.NumberFormat(lang).format(count);
  // A category the locale lacks falls back to English, which may lack it too: then `_other` is the form.
  return message(`${key}_${category}`, [number]) || t(`${key}_other`, number);
}

/** Words in one language: the browser's (`t`, `tCount`) in pages, or the locale files' in the offscreen document. */
export interface Words {
  t: (key: MessageKey, ...substitutions: Array<string | number>) => string;
  tCount: (key: CountKey, count: number) => string;
}

export const browserWords: Words = { t, tCount };
