import { describe, expect, it, vi } from 'vitest';
import { cueRequest } from '@/utils/platform/sound/voice';
import { spokenDuration, utterancesFor } from '@/utils/platform/sound/voice-text';
import { say, type Speaker } from '@/utils/platform/sound/speech';
import { playCue } from '@/utils/platform/sound/play-cue';
import type { Step } from '@/utils/routine/presets';
import type { TimerEffect } from '@/utils/routine/timer';

vi.mock('@/utils/platform/sound/chime', () => ({ playChime: vi.fn(), speakCue: vi.fn() }));

const rollRight: Step = { id: 'rr', kind: 'roll', side: 'right', durationSec: 90, enabled: true };
const END = 1_800_000_100_000;
const on = { chime: true, spokenCues: true, volume: 60 };

function recorder() {
  const calls: { text: string; lang: string; volume: number; at: number }[] = [];
  let clock = END - 10_000;
  const pending: { run: () => void; at: number }[] = [];
  const speaker: Speaker = { speak: (text, lang, volume) => void calls.push({ text, lang, volume, at: clock }) };
  const later = (run: () => void, ms: number) => void pending.push({ run, at: clock + ms });
  const advance = () => {
    for (const p of pending.sort((a, b) => a.at - b.at)) {
      clock = p.at;
      p.run();
    }
  };
  return { calls, speaker, later, advance, now: () => clock, setNow: (t: number) => (clock = t) };
}

describe('which cue plays what', () => {
  it.each<[string, TimerEffect, boolean, RegExp]>([
    ['a step change', { type: 'stepCue', stepIndex: 1, step: rollRight, stepCount: 5 }, true, /^Roll your right foot, 1 minute 30 seconds$/],
    ['the end of a lead-in', { type: 'momentCue', moment: 'go', step: rollRight, endsAt: END }, true, /^Go\.$/],
    ['the halfway point', { type: 'momentCue', moment: 'halfway', step: rollRight, endsAt: END }, true, /tender spot/],
    ['the countdown: spoken only', { type: 'momentCue', moment: 'countdown', step: rollRight, endsAt: END }, false, /^3$/],
    ['the end of the routine', { type: 'finishCue' }, true, /^Routine complete/],
  ])('%s', (_, effect, chime, line) => {
    const request = cueRequest(effect as Parameters<typeof cueRequest>[0], on, 'de');
    expect(request).toMatchObject({ chime, volume: 60, lang: 'de' });
    expect(request?.spoken && utterancesFor(request.spoken)[0]?.text).toMatch(line);
  });

  it('says nothing with the voice off, and plays nothing at all for a countdown then', () => {
    const countdown = { type: 'momentCue', moment: 'countdown', step: rollRight, endsAt: END } as const;
    expect(cueRequest({ type: 'finishCue' }, { ...on, spokenCues: false }, 'en')).toEqual({ chime: true, volume: 60, lang: 'en', spoken: undefined });
    expect(cueRequest(countdown, { ...on, spokenCues: false }, 'en')).toBeUndefined();
    const spoken = cueRequest(countdown, { ...on, chime: false }, 'en')?.spoken;
    expect(spoken && utterancesFor(spoken)).toEqual([
      { text: '3', at: END - 3000 },
      { text: '2', at: END - 2000 },
      { text: '1', at: END - 1000 },
    ]);
  });
});

describe('what the voice says', () => {
  it.each([
    [90, '1 minute 30 seconds'],
    [120, '2 minutes'],
    [45, '45 seconds'],
    [61, '1 minute 1 second'],
  ])('%i s is said as "%s"', (sec, words) => {
    expect(spokenDuration(sec)).toBe(words);
  });

  it('announces a step with its length', () => {
    expect(utterancesFor({ type: 'step', title: 'step_roll_right_title', durationSec: 90 })).toEqual([{ text: 'Roll your right foot, 1 minute 30 seconds' }]);
  });

  it.each([
    ['roll', /new tender spot/],
    ['walk', /toes/],
    ['calfStretch', /lean in/],
    ['hamstringStretch', /back long/],
  ] as const)('has a halfway line for %s', (kind, line) => {
    expect(utterancesFor({ type: 'halfway', kind })[0]?.text).toMatch(line);
  });

  it('says the end of the routine', () => {
    expect(utterancesFor({ type: 'done' })).toEqual([{ text: 'Routine complete. Nice work.' }]);
  });
});

describe('when the voice speaks', () => {
  it('counts the last three seconds down, each on its second, in the given language', () => {
    const r = recorder();
    r.setNow(END - 3000);
    say(utterancesFor({ type: 'countdown', endsAt: END, seconds: 3 }), r.speaker, { lang: 'de', volume: 60, now: r.now(), later: r.later });
    r.advance();
    expect(r.calls).toEqual([
      { text: '3', lang: 'de', volume: 60, at: END - 3000 },
      { text: '2', lang: 'de', volume: 60, at: END - 2000 },
      { text: '1', lang: 'de', volume: 60, at: END - 1000 },
    ]);
  });

  it('a countdown cue that comes late says only the numbers still ahead', () => {
    const r = recorder();
    r.setNow(END - 1400);
    say(utterancesFor({ type: 'countdown', endsAt: END, seconds: 3 }), r.speaker, { lang: 'en', volume: 60, now: r.now(), later: r.later });
    r.advance();
    expect(r.calls.map((c) => c.text)).toEqual(['1']);
  });

  it('speaks a line at once', () => {
    const r = recorder();
    say(utterancesFor({ type: 'go' }), r.speaker, { lang: 'en', volume: 60, now: r.now(), later: r.later });
    expect(r.calls).toEqual([{ text: 'Go.', lang: 'en', volume: 60, at: r.now() }]);
  });

  it('a page plays the request it gets through the same speaker', () => {
    const r = recorder();
    playCue({ chime: false, volume: 50, lang: 'de', spoken: { type: 'halfway', kind: 'walk' } }, undefined, r.speaker);
    expect(r.calls).toEqual([expect.objectContaining({ lang: 'de', volume: 50, text: expect.stringMatching(/^Halfway/) })]);
  });
});
