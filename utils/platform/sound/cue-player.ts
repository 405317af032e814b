import { browser } from 'wxt/browser';
import type { CueRequest } from '../../protocol/messages';
import { playCue } from './play-cue';

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

let messageId = Math.floor(Math.random() * 1e4);

/**
 * Sends the cue as `cueMessaging.sendMessage('playCue', request)` would, in
 * the same envelope, so the offscreen page's `cueMessaging.onMessage` receives
 * it; sent with the browser's API alone, so the worker carries no messaging
 * library. As the library does, a missing reply or a reported error throws.
 */
async function sendCue(request: CueRequest): Promise<void> {
  const message = { id: messageId++, type: 'playCue', data: request, timestamp: Date.now() };
  const reply: { err?: { message?: string } } | null | undefined = await browser.runtime.sendMessage(message);
  if (reply == null) throw new Error('No response');
  if (reply.err != null) throw new Error(reply.err.message, { cause: reply.err });
}

export async function playCueInBackground(request: CueRequest): Promise<void> {
  if (import.meta.env.BROWSER === 'firefox') {
    playCue(request);
    return;
  }
  await ensureOffscreenDocument(offscreenApi());
  await sendCue(request);
}
