import type { CueRequest } from '../../protocol/messages';
import type { Settings } from '../../settings/settings';
import { cueRequest, type CueEffect } from './voice';
import { playChime, speakCue } from './chime';
import { say, type Speaker } from './speech';
import { utterancesFor } from './voice-text';
import { browserWords, type Words } from '../i18n';

/** The browser's own voice. */
export const browserSpeaker: Speaker = { speak: (text, lang, volume) => speakCue(text, lang, volume) };

/** Plays a cue where this page is: the chime now, the words (worded here, in `words`) each at its moment. */
export function playCue(request: CueRequest, audio?: AudioContext, speaker: Speaker = browserSpeaker, words: Words = browserWords): void {
  if (request.chime) playChime(request.volume, audio);
  // `setTimeout` called as a method of another object throws in browsers, so it is wrapped.
  if (request.spoken)
    say(utterancesFor(request.spoken, words), speaker, {
      lang: request.lang,
      volume: request.volume,
      now: Date.now(),
      later: (run, ms) => setTimeout(run, ms),
    });
}

/** An open view's cue: decided, worded and played here. */
export function playCueHere(cue: CueEffect, settings: Pick<Settings, 'chime' | 'spokenCues' | 'volume'>, lang: string): void {
  const request = cueRequest(cue, settings, lang);
  if (request) playCue(request);
}
