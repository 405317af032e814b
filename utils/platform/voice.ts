import type { CueRequest } from '../protocol/messages';
import { stepTitleKey, type StepKind, type StepTitleKey } from '../routine/presets';
import { COUNTDOWN_MS, type TimerEffect } from '../routine/timer';
import { utterancesFor } from './voice-text';
import type { Settings } from '../settings/settings';

/**
 * What a cue says, as data, worded by `utterancesFor` in the UI language where
 * the cue is decided (the background, or an open view). Chrome's offscreen
 * document has no `i18n` API, so it gets the words ready-made, each with its
 * moment, and only times and speaks them.
 */
export type SpokenLine =
  /** The step's title as its message key, so the page that speaks need not know the presets. */
  | { type: 'step'; title: StepTitleKey; durationSec: number }
  | { type: 'go' }
  | { type: 'halfway'; kind: StepKind }
  /** Counts the last `seconds` of a step down aloud, one a second, ending at `endsAt`. */
  | { type: 'countdown'; endsAt: number; seconds: number }
  | { type: 'done' };

export type CueEffect = Extract<TimerEffect, { type: 'stepCue' | 'momentCue' | 'finishCue' }>;

function spokenLine(cue: CueEffect): SpokenLine {
  if (cue.type === 'stepCue') return { type: 'step', title: stepTitleKey(cue.step), durationSec: cue.step.durationSec };
  if (cue.type === 'finishCue') return { type: 'done' };
  if (cue.moment === 'countdown') return { type: 'countdown', endsAt: cue.endsAt, seconds: COUNTDOWN_MS / 1000 };
  return cue.moment === 'halfway' ? { type: 'halfway', kind: cue.step.kind } : { type: 'go' };
}

/** The chime marks every cue but the countdown, which is only spoken; the voice speaks when it is on. */
export function cueRequest(cue: CueEffect, settings: Pick<Settings, 'chime' | 'spokenCues' | 'volume'>, lang: string): CueRequest | undefined {
  const chime = settings.chime && !(cue.type === 'momentCue' && cue.moment === 'countdown');
  const speech = settings.spokenCues ? utterancesFor(spokenLine(cue)) : undefined;
  return chime || speech ? { chime, volume: settings.volume, lang, speech } : undefined;
}
