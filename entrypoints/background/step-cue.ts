import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings/settings';
import { cueText } from '@/utils/platform/sound/cue-text';
import { isRoutineViewOpen } from '@/utils/platform/windows/routine-views';
import { playCueInBackground } from '@/utils/platform/sound/cue-player';
import { cueNotification, currentBrowserKind } from '@/utils/display/notification-options';
import { cueRequest, type CueEffect } from '@/utils/platform/sound/voice';

/** One notification id, reused, so step changes replace each other instead of piling up. */
export const CUE_NOTIFICATION_ID = 'routine-cue';

/**
 * A cue with every routine view closed: at a step change a silent
 * notification that says what comes next, and for every cue the chime and
 * voice from wherever this browser can play sound. An open view plays its
 * own cues on time, so then the background stays quiet.
 */
export async function performStepCue(effect: CueEffect, settings: Settings): Promise<void> {
  if (await isRoutineViewOpen()) return;
  if (effect.type !== 'momentCue') {
    const { title, message } = cueText(effect.type === 'stepCue' ? { step: effect.step, index: effect.stepIndex, count: effect.stepCount } : undefined);
    await browser.notifications.create(CUE_NOTIFICATION_ID, cueNotification(currentBrowserKind(), browser.runtime.getURL('/icons/128.png'), title, message));
  }
  const request = cueRequest(effect, settings, browser.i18n.getUILanguage());
  if (request) await playCueInBackground(request);
}
