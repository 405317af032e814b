import type { PresetCustomisations } from '@/utils/routine/presets';
import type { CommandReply } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/settings/settings';
import { sendCommand } from '@/utils/platform/messaging';

/**
 * The options page's writes, all as commands: the background checks them with
 * what is stored and is the only writer of settings, routines and the
 * "remind on this browser" switch.
 */

export function sendSettingsPatch(patch: Partial<Settings>): Promise<CommandReply> {
  return sendCommand('settings', { type: 'patch', patch });
}

export function sendPresets(customisations: PresetCustomisations): Promise<CommandReply> {
  return sendCommand('settings', { type: 'presets', customisations });
}

export function sendRemindHere(value: boolean): Promise<CommandReply> {
  return sendCommand('settings', { type: 'remindHere', value });
}
