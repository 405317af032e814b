import type { CueRequest } from '../protocol/commands';
import { playChime, speakCue } from './chime';
import { say, type Speaker } from './speech';

/** The browser's own voice. */
export const browserSpeaker: Speaker = { speak: (text, lang, volume) => speakCue(text, lang, volume) };

/** Plays a cue where this page is: the chime now, the words each at its moment. */
export function playCue(request: CueRequest, audio?: AudioContext, speaker: Speaker = browserSpeaker): void {
  if (request.chime) playChime(request.volume, audio);
  // `setTimeout` called as a method of another object throws in browsers, so it is wrapped.
  if (request.speech) say(request.speech, speaker, { lang: request.lang, volume: request.volume, now: Date.now(), later: (run, ms) => setTimeout(run, ms) });
}
