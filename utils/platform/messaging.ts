import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CommandReply, CueProtocolMap, ProtocolMap } from '../protocol/commands';

/** The channels that carry the command protocol; the protocol's types stay in protocol/commands.ts, free of browser APIs. */

export const messaging = defineExtensionMessaging<ProtocolMap>();

type CommandType = keyof ProtocolMap;

/** Sends a command; a background that cannot be reached is reported like any refusal, never thrown. */
export async function sendCommand<K extends CommandType>(type: K, request: Parameters<ProtocolMap[K]>[0]): Promise<CommandReply> {
  try {
    return await messaging.sendMessage(type, request as never);
  } catch {
    return { ok: false, error: 'error_bad_command' };
  }
}

export const cueMessaging = defineExtensionMessaging<CueProtocolMap>();
