import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

/** Every key of the English locale; a misspelt key fails the type check, not the user. */
export type MessageKey = keyof typeof messages;

/** The user-visible text for a key, in the browser's language. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The `_one`/`_other` pairs that say a count with its noun; `browser.i18n` has no plural forms of its own. */
type CountKey = MessageKey extends infer K ? (K extends `${infer Base}_one` ? Base : never) : never;

/** "1 routine", "2 routines": the plural form the UI language's rules pick for `count`. */
export function tCount(key: CountKey, count: number): string {
  const form = new Intl.PluralRules(browser.i18n.getUILanguage()).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, count);
}
