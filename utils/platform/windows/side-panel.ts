import { browser } from 'wxt/browser';

export const SIDE_PANEL_PATH = '/sidepanel.html';

interface SidePanelApis {
  /** Firefox's sidebar. */
  sidebarAction?: { open(): Promise<void> };
  /** Chrome's side panel (from Chrome 116). */
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
}

/**
 * Docks the routine player beside the page: Firefox's sidebar, or Chrome's
 * side panel in window `windowId`. Both browsers allow this only in answer to
 * a user action (a click, a keyboard command), so call it straight from the
 * handler, before anything is awaited; a keyboard command in the background
 * can call it with the window of the tab it names.
 */
export function openSidePanel(windowId: number): Promise<void> {
  const apis = browser as unknown as SidePanelApis;
  if (apis.sidebarAction) return apis.sidebarAction.open();
  if (apis.sidePanel) return apis.sidePanel.open({ windowId });
  return Promise.reject(new Error('This browser has no side panel'));
}
