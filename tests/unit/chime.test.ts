import { describe, expect, it, vi } from 'vitest';
import { playChime, speakCue, type SpeechLike } from '@/utils/platform/sound/chime';

function fakeAudio() {
  const started: number[] = [];
  const node = () => ({
    connect: vi.fn(function (this: unknown, next: unknown) {
      return next;
    }),
    frequency: { value: 0 },
    type: '',
    start: vi.fn((at: number) => started.push(at)),
    stop: vi.fn(),
    gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() },
  });
  const audio = { currentTime: 10, destination: {}, createOscillator: vi.fn(node), createGain: vi.fn(node) };
  return { audio: audio as unknown as AudioContext, started };
}

describe('playChime', () => {
  it('plays two tones, the second just after the first', () => {
    const { audio, started } = fakeAudio();
    playChime(70, audio);
    expect(started).toHaveLength(2);
    expect(started[1]! - started[0]!).toBeCloseTo(0.18);
  });

  it('plays nothing at volume 0', () => {
    const { audio, started } = fakeAudio();
    playChime(0, audio);
    expect(started).toEqual([]);
  });
});

describe('speakCue', () => {
  const utterance = (text: string) => ({ text, lang: '', volume: 1 }) as unknown as SpeechSynthesisUtterance;

  it('says the cue in the UI language at the chosen volume, cutting off the one before', () => {
    const synth: SpeechLike = { cancel: vi.fn(), speak: vi.fn() };
    expect(speakCue('Walk barefoot', 'de', 50, synth, utterance)).toBe(true);
    expect(synth.cancel).toHaveBeenCalledBefore(vi.mocked(synth.speak));
    expect(synth.speak).toHaveBeenCalledWith({ text: 'Walk barefoot', lang: 'de', volume: 0.5 });
  });

  it('does nothing where the browser has no speech synthesis', () => {
    expect(speakCue('Walk barefoot', 'en', 50, undefined, utterance)).toBe(false);
  });
});
