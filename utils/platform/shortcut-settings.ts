import { browser } from 'wxt/browser';

/**
 * The keyboard shortcuts as the browser has them now: the user may have
 * changed, removed or added keys since the manifest suggested them.
 */

/** Each command's name and its keys; an empty string when no key is set. */
export async function readShortcutsInUse(): Promise<Map<string, string>> {
  const commands = await browser.commands.getAll();
  return new Map(commands.flatMap((c) => (c.name ? [[c.name, c.shortcut ?? '']] : [])));
}

/** Firefox 137 and later; Chrome's types do not know it. */
type FirefoxCommands = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

/** The browser's own page for changing the keys: an API call in Firefox, a browser page in Chrome. */
export async function openShortcutSettings(): Promise<void> {
  if (import.meta.env.BROWSER === 'firefox') await (browser.commands as FirefoxCommands).openShortcutSettings?.();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
