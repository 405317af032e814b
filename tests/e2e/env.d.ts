// Code passed to worker.evaluate() runs inside the extension, where Chromium's own `chrome` global exists.
/// <reference types="chrome" />

declare namespace chrome.events {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors @types/chrome's own constraint, which uses `any`
  interface Event<T extends (...args: any) => void> {
    /** Chromium's own dispatch, reachable from the worker: it fires the real listeners, as the browser would. */
    dispatch(...args: Parameters<T>): void;
  }
}
