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

/** The timer in a small window of its own, which stays open when it loses focus. */
export async function openPopOutWindow(): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`${POPUP_PATH}?view=window` as '/popup.html'),
    type: 'popup',
    width: 420,
    height: 640,
  });
}
