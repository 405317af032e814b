import { browser } from 'wxt/browser';
import type { CueRequest } from '../protocol/commands';
import { cueMessaging } from './messaging';
import { playChime, speakCue } from './chime';

/**
 * Plays a cue with every view closed. Chrome's service worker has no audio,
 * so it hands the cue to an offscreen document; Firefox's background page
 * plays it itself. The browser is known at build time, so each build carries
 * only its own way.
 */

interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

const OFFSCREEN_PATH = '/offscreen.html';

function offscreenApi(): OffscreenApi {
  return (browser as unknown as { offscreen: OffscreenApi }).offscreen;
}

let creating: Promise<void> | undefined;

async function ensureOffscreenDocument(api: OffscreenApi): Promise<void> {
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (existing.length > 0) return;
  // Only one offscreen document may exist; two cues at once must not both try to create it.
  creating ??= api
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['AUDIO_PLAYBACK'],
      justification: 'Plays the step-change chime of a running routine while its window is closed.',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

export async function playCueInBackground(request: CueRequest): Promise<void> {
  if (import.meta.env.BROWSER === 'firefox') {
    if (request.chime) playChime(request.volume);
    if (request.speech) speakCue(request.speech, request.lang, request.volume);
    return;
  }
  await ensureOffscreenDocument(offscreenApi());
  await cueMessaging.sendMessage('playCue', request);
}
