import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CueProtocolMap } from '../../protocol/messages';

/** The channel on which the worker hands cues to the offscreen document (utils/platform/sound/cue-player.ts sends in its envelope). */
export const cueMessaging = defineExtensionMessaging<CueProtocolMap>();
