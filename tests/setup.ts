import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGetMessage, localeMessages } from './locale';
import { installFakeIdle } from './fake-idle';
import { installFakeCommands } from './fake-commands';

// The fake browser leaves these unimplemented; the tests answer them as Chromium would, in English.
const getMessage = createGetMessage(localeMessages('en'));

type Listener = (message: unknown, sender: object, sendResponse: (value: unknown) => void) => unknown;

/**
 * The fake's sendMessage only understands callback-style listeners (`return
 * true` + `sendResponse`); real browsers, through webextension-polyfill, also
 * take a listener's returned promise as its reply, which the command
 * channel relies on. Answer both ways, as they do.
 */
function installPromiseAwareSendMessage() {
  const listeners: Listener[] = [];
  const onMessage = fakeBrowser.runtime.onMessage;
  Object.assign(onMessage, {
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l) >>> 0, 1),
    hasListener: (l: Listener) => listeners.includes(l),
    hasListeners: () => listeners.length > 0,
    removeAllListeners: () => void (listeners.length = 0),
  });
  fakeBrowser.runtime.sendMessage = async (message: unknown) => {
    if (listeners.length === 0) throw new Error('Could not establish connection. Receiving end does not exist.');
    for (const listener of [...listeners]) {
      let reply: unknown;
      const viaCallback = new Promise((resolve) => (reply = listener(message, {}, resolve)));
      if (reply === true) return await viaCallback;
      if (reply instanceof Promise) {
        const value: unknown = await reply;
        if (value !== undefined) return value;
      }
    }
    return undefined;
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  installPromiseAwareSendMessage();
  Object.assign(fakeBrowser.i18n, {
    getMessage,
    getUILanguage: () => 'en',
  });
  installFakeIdle();
  installFakeCommands();
  Object.assign(fakeBrowser.windows, { create: vi.fn(async () => ({ id: 1 })), remove: vi.fn(async () => {}) });
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, name: 'Roll Call', version: '0.1.0' }),
    getContexts: vi.fn(async () => []),
    openOptionsPage: vi.fn(async () => {}),
  });
  // Chrome's `power` returns nothing and has no state to read back; tests look at the calls.
  Object.assign(fakeBrowser.power, { requestKeepAwake: vi.fn(), releaseKeepAwake: vi.fn() });
});
