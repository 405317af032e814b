import { browser } from 'wxt/browser';
import type { Reply, ProtocolMap } from '../../protocol/messages';

/**
 * The background's side of the request channel. Pages send `{ type, data }`
 * (utils/platform/messaging/send.ts) and get `{ res }` back; this listener takes only the types in `handlers`, as own
 * properties, so `constructor`, `__proto__` or any stranger gets a clear
 * refusal instead of reaching an object's prototype.
 */

export interface RequestSender {
  windowId?: number;
}

export type RequestHandlers = {
  [K in keyof ProtocolMap]: (data: unknown, sender: RequestSender) => Promise<Reply>;
};

const REFUSED: { res: Reply } = { res: { ok: false, error: 'error_unknown_command' } };

export function listenForRequests(handlers: RequestHandlers): void {
  // Replies through sendResponse (and `true` to keep the channel open): Chrome's own API, which the worker uses there
  // (wxt.config.ts), documents only this way, and takes no returned promise as the reply at the minimum version we
  // support; Firefox and the polyfill take it too.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: { res: Reply }) => void) => {
    if (typeof message !== 'object' || message === null) return refuse(sendResponse);
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return refuse(sendResponse);
    const handler = handlers[type as keyof RequestHandlers];
    void handler(data, { windowId: sender.tab?.windowId }).then((res) => sendResponse({ res }));
    return true;
  });
}

function refuse(sendResponse: (reply: { res: Reply }) => void): true {
  sendResponse(REFUSED);
  return true;
}
