import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

/** Every key of the English locale; a misspelt key fails the type check, not the user. */
export type MessageKey = keyof typeof messages;

/** The user-visible text for a key, in the browser's language. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}
