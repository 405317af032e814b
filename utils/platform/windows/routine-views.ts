import { browser } from 'wxt/browser';
import { SIDE_PANEL_PATH } from './side-panel';

export const POPUP_PATH = '/popup.html';

/**
 * Whether a routine view (the toolbar popup, the pop-out window or the side
 * panel) is open. An open view plays its own cue on time, so the background
 * then stays quiet.
 */
export async function isRoutineViewOpen(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['POPUP', 'TAB', 'SIDE_PANEL'] });
  return contexts.some((c) => c.documentUrl !== undefined && [POPUP_PATH, SIDE_PANEL_PATH].includes(new URL(c.documentUrl).pathname));
}

/**
 * The id of a small window Roll Call opened (a popup-type window whose one
 * tab is its page) whose address fits, if one is open; never a window the
 * user opened.
 */
export async function findOwnWindow(fits: (url: URL) => boolean): Promise<number | undefined> {
  const windows = await browser.windows.getAll({ populate: true, windowTypes: ['popup'] });
  return windows.find(({ tabs }) => tabs?.length === 1 && tabs[0]?.url && fits(new URL(tabs[0].url)))?.id;
}

/**
 * Brings the window that `find` finds to the front, and says whether there
 * was one: the reminder and the pop-out would each rather focus the window
 * already open than open a second.
 */
export async function focusOwnWindow(fits: (url: URL) => boolean): Promise<boolean> {
  const id = await findOwnWindow(fits);
  if (id !== undefined) await browser.windows.update(id, { focused: true });
  return id !== undefined;
}

/** The timer in a small window of its own, which stays open when it loses focus; only one, focused again if it is open. */
export async function openPopOutWindow(): Promise<void> {
  if (await focusOwnWindow((url) => url.pathname === POPUP_PATH)) return;
  await browser.windows.create({
    url: browser.runtime.getURL(`${POPUP_PATH}?view=window` as '/popup.html'),
    type: 'popup',
    width: 420,
    height: 640,
  });
}
