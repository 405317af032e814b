import { browser } from 'wxt/browser';

export const POPUP_PATH = '/popup.html';

/**
 * Whether a routine view (the toolbar popup or the pop-out window) is open.
 * An open view plays its own cue on time, so the background then stays quiet.
 */
export async function isRoutineViewOpen(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['POPUP', 'TAB'] });
  return contexts.some((c) => c.documentUrl !== undefined && new URL(c.documentUrl).pathname === POPUP_PATH);
}

/**
 * A small window Roll Call opened (a popup-type window whose one tab is its
 * page) whose address fits, if one is open; never a window the user opened.
 */
export async function findOwnWindow(fits: (url: URL) => boolean): Promise<{ windowId: number; tabId: number } | undefined> {
  const windows = await browser.windows.getAll({ populate: true, windowTypes: ['popup'] });
  for (const { id, tabs = [] } of windows) {
    const [tab] = tabs;
    if (id !== undefined && tabs.length === 1 && tab?.id !== undefined && tab.url && fits(new URL(tab.url))) return { windowId: id, tabId: tab.id };
  }
  return undefined;
}

/** Brings a window to the front: the reminder and the pop-out would each rather focus the one open than open a second. */
export async function focusWindow(windowId: number): Promise<void> {
  await browser.windows.update(windowId, { focused: true });
}

/** The timer in a small window of its own, which stays open when it loses focus; only one, focused again if it is open. */
export async function openPopOutWindow(): Promise<void> {
  const open = await findOwnWindow((url) => url.pathname === POPUP_PATH);
  if (open) return focusWindow(open.windowId);
  await browser.windows.create({
    url: browser.runtime.getURL(`${POPUP_PATH}?view=window` as '/popup.html'),
    type: 'popup',
    width: 420,
    height: 640,
  });
}
