import type { PresetCustomisations } from '@/utils/routine/presets';
import type { Reply } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/settings/settings';
import { sendRequest } from '@/utils/platform/messaging/send';

/**
 * The options page's writes, all as commands: the background checks them with
 * what is stored and is the only writer of settings, routines and the
 * "remind on this browser" switch.
 */

export function sendSettingsPatch(patch: Partial<Settings>): Promise<Reply> {
  return sendRequest('settings', { type: 'patch', patch });
}

export function sendPresets(customisations: PresetCustomisations): Promise<Reply> {
  return sendRequest('settings', { type: 'presets', customisations });
}

export function sendRemindHere(value: boolean): Promise<Reply> {
  return sendRequest('settings', { type: 'remindHere', value });
}
