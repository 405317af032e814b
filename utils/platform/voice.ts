import type { CueRequest } from '../protocol/commands';
import type { Step, StepKind } from '../routine/presets';
import { COUNTDOWN_MS, type TimerEffect } from '../routine/timer';
import type { Settings } from '../settings/settings';

/**
 * What a cue plays, as data. The background decides which cue is due and
 * sends this; whoever makes the sound (an open view, Chrome's offscreen
 * document, Firefox's background page) words the line in the UI language, so
 * the worker carries no spoken text.
 */
export type SpokenLine =
  | { type: 'step'; step: Step }
  | { type: 'go' }
  | { type: 'halfway'; kind: StepKind }
  | { type: 'countdown'; endsAt: number }
  | { type: 'done' };

export type CueEffect = Extract<TimerEffect, { type: 'stepCue' | 'momentCue' | 'finishCue' }>;

function spokenLine(cue: CueEffect): SpokenLine {
  if (cue.type === 'stepCue') return { type: 'step', step: cue.step };
  if (cue.type === 'finishCue') return { type: 'done' };
  if (cue.moment === 'countdown') return { type: 'countdown', endsAt: cue.endsAt };
  return cue.moment === 'halfway' ? { type: 'halfway', kind: cue.step.kind } : { type: 'go' };
}

/** The chime marks every cue but the countdown, which is only spoken; the voice speaks when it is on. */
export function cueRequest(cue: CueEffect, settings: Pick<Settings, 'chime' | 'spokenCues' | 'volume'>, lang: string): CueRequest | undefined {
  const chime = settings.chime && !(cue.type === 'momentCue' && cue.moment === 'countdown');
  const say = settings.spokenCues ? spokenLine(cue) : undefined;
  return chime || say ? { chime, volume: settings.volume, lang, say } : undefined;
}

/** The one thing a voice must do; the browser's speech synthesis in the product, a recorder in tests. */
export interface Speaker {
  speak(text: string, lang: string, volume: number): void;
}

export interface Utterance {
  text: string;
  /** When to say it; now when absent. */
  at?: number;
}

/**
 * Says a line's utterances, each at its moment: the countdown's numbers fall
 * on the last three seconds of the step, and a number already past is left out
 * (a cue that came late says only what is still true).
 */
export function say(utterances: readonly Utterance[], speaker: Speaker, options: { lang: string; volume: number; now: number; later: (run: () => void, ms: number) => unknown }): void {
  for (const { text, at } of utterances) {
    const wait = at === undefined ? 0 : at - options.now;
    // Half a second of slack: a number said a moment late is still the right number.
    if (wait < -500) continue;
    if (wait <= 0) speaker.speak(text, options.lang, options.volume);
    else options.later(() => speaker.speak(text, options.lang, options.volume), wait);
  }
}

/** The countdown's numbers and when each is said. */
export function countdownUtterances(endsAt: number): Utterance[] {
  return [3, 2, 1].map((n) => ({ text: String(n), at: endsAt - (n * COUNTDOWN_MS) / 3 }));
}
