import type { StepKind } from '../routine/presets';
import type { SpokenLine } from './voice';
import { t, tCount, type MessageKey } from './i18n';

/** Pages and the offscreen document word the voice and time it; the worker never does. */

const HALFWAY_KEYS: Record<StepKind, MessageKey> = {
  roll: 'voice_halfway_roll',
  walk: 'voice_halfway_walk',
  calfStretch: 'voice_halfway_calfStretch',
  hamstringStretch: 'voice_halfway_hamstringStretch',
};

/** "1 minute 30 seconds", said in words rather than "1:30", which a voice reads as a time of day. */
export function spokenDuration(durationSec: number): string {
  const minutes = Math.floor(durationSec / 60);
  const seconds = durationSec % 60;
  const parts = [minutes > 0 ? tCount('count_minutes', minutes) : '', seconds > 0 || minutes === 0 ? tCount('count_seconds', seconds) : ''];
  return parts.filter(Boolean).join(' ');
}

export function utterancesFor(line: SpokenLine): Utterance[] {
  switch (line.type) {
    case 'step':
      return [{ text: t('voice_step', t(line.title), spokenDuration(line.durationSec)) }];
    case 'go':
      return [{ text: t('voice_go') }];
    case 'halfway':
      return [{ text: t(HALFWAY_KEYS[line.kind]) }];
    case 'countdown':
      return countdownUtterances(line.endsAt, line.seconds);
    case 'done':
      return [{ text: t('notify_routine_done') }];
  }
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
export function countdownUtterances(endsAt: number, seconds: number): Utterance[] {
  return Array.from({ length: seconds }, (_, i) => seconds - i).map((n) => ({ text: String(n), at: endsAt - n * 1000 }));
}
