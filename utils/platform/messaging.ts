import { browser } from 'wxt/browser';
import type { CommandReply, ProtocolMap } from '../protocol/messages';

type CommandType = keyof ProtocolMap;

/**
 * The page's side of the command channel: `{ type, data }` out, `{ res }` back
 * (utils/platform/command-listener.ts). Sent with the browser's API alone: a
 * messaging library would cost the popup more than a tenth of its byte budget
 * for these few lines. As such a library does, a missing reply throws.
 */
export const messaging = {
  async sendMessage<K extends CommandType>(type: K, data: Parameters<ProtocolMap[K]>[0]): Promise<CommandReply> {
    const reply = await browser.runtime.sendMessage<unknown, { res?: CommandReply } | undefined>({ type, data });
    if (!reply?.res) throw new Error(`No reply to the ${type} command.`);
    return reply.res;
  },
};

/** Sends a command; a background that cannot be reached is reported like any refusal, never thrown. */
export async function sendCommand<K extends CommandType>(type: K, request: Parameters<ProtocolMap[K]>[0]): Promise<CommandReply> {
  try {
    return await messaging.sendMessage(type, request);
  } catch {
    return { ok: false, error: 'error_bad_command' };
  }
}
