import type { browser as polyfilled } from 'wxt/browser';

/** Chrome's own extension API, which the worker uses on Chrome in place of webextension-polyfill (wxt.config.ts). */
export const browser = chrome as unknown as typeof polyfilled;
