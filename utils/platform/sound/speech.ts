/** Speaking ready-made words at their moments: all the offscreen document does with a cue's speech. */

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
export function say(
  utterances: readonly Utterance[],
  speaker: Speaker,
  options: { lang: string; volume: number; now: number; later: (run: () => void, ms: number) => unknown },
): void {
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
