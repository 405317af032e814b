import { browser } from 'wxt/browser';
import type { Reply, ProtocolMap } from '../../protocol/messages';

type RequestType = keyof ProtocolMap;

/**
 * The page's side of the request channel: `{ type, data }` out, `{ res }` back
 * (utils/platform/messaging/request-listener.ts). Sent with the browser's API alone: a
 * messaging library would cost the popup more than a tenth of its byte budget
 * for these few lines. As such a library does, a missing reply throws.
 */
export const messaging = {
  async sendMessage<K extends RequestType>(type: K, data: Parameters<ProtocolMap[K]>[0]): Promise<Reply> {
    const reply = await browser.runtime.sendMessage<unknown, { res?: Reply } | undefined>({ type, data });
    if (!reply?.res) throw new Error(`No reply to the ${type} request.`);
    return reply.res;
  },
};

/** Sends a request; a background that cannot be reached is reported like any refusal, never thrown. */
export async function sendRequest<K extends RequestType>(type: K, request: Parameters<ProtocolMap[K]>[0]): Promise<Reply> {
  try {
    return await messaging.sendMessage(type, request);
  } catch {
    return { ok: false, error: 'error_bad_command' };
  }
}
