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

/** The timer in a small window of its own, which stays open when it loses focus. */
export async function openPopOutWindow(): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`${POPUP_PATH}?view=window` as '/popup.html'),
    type: 'popup',
    width: 420,
    height: 640,
  });
}
