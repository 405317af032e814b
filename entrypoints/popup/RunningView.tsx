import { useEffect, useLayoutEffect } from 'preact/hooks';
import { isActive, routineRemainingMs, stepEndsAt, stepRemainingMs, tick, type RoutineState } from '@/utils/routine/timer';
import { stepInstructionsKey, stepTitleKey, type Step } from '@/utils/routine/presets';
import { formatClock } from '@/utils/format';
import type { RoutineRequest } from '@/utils/protocol/commands';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { cueText } from '@/utils/platform/cue-text';
import { playChime, speakCue } from '@/utils/platform/chime';
import { CountdownRing } from '@/components/CountdownRing';
import { StepPicture } from '@/components/StepPicture';
import { useNow } from '@/components/use-now';
import { useCueLeader } from '@/components/use-cue-leader';

type Active = Extract<RoutineState, { status: 'running' | 'paused' }>;

export interface RunningViewProps {
  state: Active;
  settings: Settings;
  send: (request: RoutineRequest) => unknown;
}

const stepTitle = (step: Step) => t(stepTitleKey(step));

/** Plays the cue from this page at the step's end, to the millisecond, while the view is open. */
function useCueAtStepEnd(state: Active, settings: Settings) {
  // With several views open, one plays: a doubled chime sounds like a fault.
  const leader = useCueLeader();
  const endsAt = leader ? stepEndsAt(state) : undefined;
  const index = state.stepIndex + 1;
  const next = state.steps[index];
  // Worked out here, so the effect depends on the words it says rather than on the whole routine.
  const spoken = cueText(next && { step: next, index, count: state.steps.length }).message;
  useEffect(() => {
    if (endsAt === undefined || (!settings.chime && !settings.spokenCues)) return;
    const timer = setTimeout(() => {
      if (settings.chime) playChime(settings.volume);
      if (settings.spokenCues) speakCue(spoken, document.documentElement.lang, settings.volume);
    }, Math.max(0, endsAt - Date.now()));
    return () => clearTimeout(timer);
  }, [endsAt, spoken, settings.chime, settings.spokenCues, settings.volume]);
}

/** Where Space and the arrows belong to the control: text fields and the like (the running view has none today). */
const TYPING = 'input, select, textarea, [contenteditable]';

/** Space pauses or resumes: never a click of the button that happens to have focus (after a click on Skip, say). */
export function isSpace(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return event.key === ' ' && !event.altKey && !event.ctrlKey && !event.metaKey && target?.closest(TYPING) == null;
}

/**
 * Space, the arrows and Esc drive the timer from anywhere in the view. Space
 * is taken from a focused button on purpose (keydown and keyup, since
 * browsers click a button on either): someone on the floor presses Space to
 * pause, whatever they last clicked. Enter still presses the focused button.
 */
function useShortcuts(paused: boolean, send: RunningViewProps['send']) {
  // A layout effect, so the keys work from the very first paint of the view.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const request: RoutineRequest | undefined = isSpace(event)
        ? { type: paused ? 'resume' : 'pause' }
        : event.key === 'ArrowRight'
          ? { type: 'skip' }
          : event.key === 'ArrowLeft'
            ? { type: 'back' }
            : event.key === 'Escape'
              ? { type: 'stop' }
              : undefined;
      if (!request) return;
      event.preventDefault();
      if (!event.repeat) send(request);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (isSpace(event)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, [paused, send]);
}

export function RunningView({ state: stored, settings, send }: RunningViewProps) {
  const paused = stored.status === 'paused';
  const now = useNow(paused ? undefined : 1000, stored.stepStartedAt + stored.pausedMs);
  // Show the routine as it is now, even in the moment before the background's alarm has moved it on.
  const projected = tick(stored, now).state;
  // Past the last step's end the background is about to finish the routine; hold the last step at 0:00 till then.
  const endedMeanwhile = !isActive(projected);
  const state: Active = isActive(projected) ? projected : stored;
  useCueAtStepEnd(stored, settings);
  useShortcuts(paused, send);

  const step = state.steps[state.stepIndex];
  // An active routine always stands on one of its steps; render nothing rather than crash if storage ever says otherwise.
  if (!step) return null;
  const next = state.steps[state.stepIndex + 1];
  const remaining = endedMeanwhile ? 0 : stepRemainingMs(state, now);
  const left = formatClock(endedMeanwhile ? 0 : routineRemainingMs(state, now));

  return (
    <main class="running">
      <p class="running__progress">{t('popup_step_of', state.stepIndex + 1, state.steps.length, left)}</p>
      <h1 class="running__title">{stepTitle(step)}</h1>
      <p class="running__side">{t(`side_${step.side}`)}</p>
      <div class="running__stage">
        <div class="running__picture">
          <StepPicture step={step} size="large" />
        </div>
        <CountdownRing
          remainingMs={remaining}
          totalMs={step.durationSec * 1000}
          paused={paused}
          label={t('popup_time_left')}
        />
      </div>
      {paused && <p class="running__paused">{t('popup_paused')}</p>}
      <p class="running__instructions">{t(stepInstructionsKey(step))}</p>
      <p class="running__next">
        {next && <StepPicture step={next} size="small" />}
        {next ? t('popup_next', stepTitle(next)) : t('popup_next_last')}
      </p>
      <div class="running__actions">
        <div class="controls">
        {/* On the first step, going back can only start it again: the button says so. */}
        {state.stepIndex === 0 ? (
          <button type="button" onClick={() => send({ type: 'back' })} title={t('popup_restart_step_hint')}>
            {t('popup_restart_step')}
          </button>
        ) : (
          <button type="button" onClick={() => send({ type: 'back' })} title={t('popup_back_hint')}>
            {t('popup_back')}
          </button>
        )}
        {paused ? (
          <button type="button" class="primary" onClick={() => send({ type: 'resume' })} title={t('popup_resume_hint')}>
            {t('popup_resume')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => send({ type: 'pause' })} title={t('popup_pause_hint')}>
            {t('popup_pause')}
          </button>
        )}
        <button type="button" onClick={() => send({ type: 'skip' })} title={t('popup_skip_hint')}>
          {t('popup_skip')}
        </button>
      </div>
        <button type="button" class="danger" onClick={() => send({ type: 'stop' })} title={t('popup_stop_hint')}>
          {t('popup_stop')}
        </button>
      </div>
    </main>
  );
}
