import type { StepKind } from '../../routine/presets';
import type { SpokenLine } from './voice';
import { countdownUtterances, type Utterance } from './speech';
import { browserWords, type MessageKey, type Words } from '../i18n';

/**
 * The voice's words, in the UI language, made where a cue is decided: the
 * background (every view closed) or an open routine view. Chrome's offscreen
 * document has no i18n, so it gets them ready-made and only times and speaks them.
 */

const HALFWAY_KEYS: Record<StepKind, MessageKey> = {
  roll: 'voice_halfway_roll',
  walk: 'voice_halfway_walk',
  calfStretch: 'voice_halfway_calfStretch',
  hamstringStretch: 'voice_halfway_hamstringStretch',
};

/** "1 minute 30 seconds", said in words rather than "1:30", which a voice reads as a time of day. */
export function spokenDuration(durationSec: number, { tCount }: Words = browserWords): string {
  const minutes = Math.floor(durationSec / 60);
  const seconds = durationSec % 60;
  const parts = [minutes > 0 ? tCount('count_minutes', minutes) : '', seconds > 0 || minutes === 0 ? tCount('count_seconds', seconds) : ''];
  return parts.filter(Boolean).join(' ');
}

export function utterancesFor(line: SpokenLine, words: Words = browserWords): Utterance[] {
  const { t } = words;
  switch (line.type) {
    case 'step':
      return [{ text: t('voice_step', t(line.title), spokenDuration(line.durationSec, words)) }];
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
