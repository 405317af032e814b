import { browser } from 'wxt/browser';
import type { CommandReply, ProtocolMap } from '../protocol/messages';

/**
 * The background's side of the command channel. Pages send `{ type, data }`
 * (utils/platform/messaging.ts) and get `{ res }` back; this listener takes only the types in `handlers`, as own
 * properties, so `constructor`, `__proto__` or any stranger gets a clear
 * refusal instead of reaching an object's prototype.
 */

export interface CommandSender {
  windowId?: number;
}

export type CommandHandlers = {
  [K in keyof ProtocolMap]: (data: unknown, sender: CommandSender) => Promise<CommandReply>;
};

const REFUSED: { res: CommandReply } = { res: { ok: false, error: 'error_unknown_command' } };

export function listenForCommands(handlers: CommandHandlers): void {
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a promise returned from onMessage is the reply, in webextension-polyfill and in Firefox
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (typeof message !== 'object' || message === null) return Promise.resolve(REFUSED);
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return Promise.resolve(REFUSED);
    const handler = handlers[type as keyof CommandHandlers];
    return handler(data, { windowId: sender.tab?.windowId }).then((res) => ({ res }));
  });
}
