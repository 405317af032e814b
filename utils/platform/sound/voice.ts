import type { CueRequest } from '../../protocol/messages';
import type { StepKind } from '../../routine/presets';
import { stepTitleKey, type StepTitleKey } from '../../routine/preset-lookup';
import { COUNTDOWN_MS, type TimerEffect } from '../../routine/timer';
import type { Settings } from '../../settings/settings';

/**
 * What a cue says, as data, worded by `utterancesFor` where it is spoken: an
 * open view and Firefox's event page with the browser's `i18n`, Chrome's
 * offscreen document (which has no `i18n`) from the extension's locale files.
 * So the worker, which only decides the cue, carries none of the wording.
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
  const spoken = settings.spokenCues ? spokenLine(cue) : undefined;
  return chime || spoken ? { chime, volume: settings.volume, lang, spoken } : undefined;
}
