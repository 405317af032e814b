import type { Step } from '../../routine/presets';
import { stepTitleKey } from '../../routine/preset-lookup';
import { formatClock } from '../../format';
import { t } from '../i18n';

/**
 * What a step change says, wherever it is said: the open view's voice, the
 * background's notification and its voice. One wording, so the user hears
 * the same cue whether or not a view is open.
 */
export interface CueText {
  title: string;
  message: string;
}

/** The cue for the step that begins now, or for the end of the routine when there is none. */
export function cueText(next: { step: Step; index: number; count: number } | undefined): CueText {
  if (!next) return { title: t('extName'), message: t('notify_routine_done') };
  return {
    title: t('notify_next_step_title', next.index + 1, next.count),
    message: t('notify_next_step', t(stepTitleKey(next.step)), formatClock(next.step.durationSec * 1000)),
  };
}
