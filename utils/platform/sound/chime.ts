/**
 * The step-change chime and spoken cue, played by whichever page owns the
 * sound: an open routine view, Chrome's offscreen document, or Firefox's
 * background page. Synthesised with Web Audio, so no sound file ships.
 */

/** Two soft bell tones, about a second long. `volume` is 0–100. */
export function playChime(volume: number, audio: AudioContext = new AudioContext()): void {
  const gainValue = Math.max(0, Math.min(100, volume)) / 100;
  if (gainValue === 0) return;
  const start = audio.currentTime + 0.01;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 1318.5],
  ] as const) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.35 * gainValue, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.9);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 1);
  }
}

export interface SpeechLike {
  cancel(): void;
  speak(utterance: SpeechSynthesisUtterance): void;
}

/** The DOM typings say speech synthesis is always there, but a service worker has none. */
function platformSpeech(): SpeechSynthesis | undefined {
  return globalThis.speechSynthesis;
}

/** Says the cue aloud; a new cue cuts off one still being spoken rather than queueing behind it. */
export function speakCue(
  text: string,
  lang: string,
  volume: number,
  synth: SpeechLike | undefined = platformSpeech(),
  makeUtterance: (text: string) => SpeechSynthesisUtterance = (t) => new SpeechSynthesisUtterance(t),
): boolean {
  if (!synth || !text) return false;
  const utterance = makeUtterance(text);
  utterance.lang = lang;
  utterance.volume = Math.max(0, Math.min(100, volume)) / 100;
  synth.cancel();
  synth.speak(utterance);
  return true;
}
