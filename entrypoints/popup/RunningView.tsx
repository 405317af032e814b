import { useEffect, useLayoutEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isActive, leadInRemainingMs, routineRemainingMs, stepEndsAt, stepRemainingMs, tick, upcomingMoments, type RoutineState } from '@/utils/routine/timer';
import type { Step } from '@/utils/routine/presets';
import { stepInstructionsKey, stepTitleKey } from '@/utils/routine/preset-lookup';
import { formatClock } from '@/utils/format';
import type { RoutineRequest } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import type { CueEffect } from '@/utils/platform/sound/voice';
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

/**
 * Plays this step's cues from this page, each to the millisecond, while the
 * view is open: the end of the lead-in, the halfway point, the countdown and,
 * at the step's end, whatever the timer says comes then.
 */
function useCues(state: Active, settings: Settings) {
  // With several views open, one plays: a doubled chime sounds like a fault.
  const leader = useCueLeader();
  const endsAt = leader ? stepEndsAt(state) : undefined;
  const step = state.steps[state.stepIndex];
  // The moments from the step's start, whatever the background has marked meanwhile: the view plays those still ahead.
  const moments = upcomingMoments({ ...state, cueMark: 0 }, settings.spokenCues);
  const atEnd = endsAt === undefined ? [] : tick(state, endsAt).effects;
  const cues: [number, CueEffect][] = [];
  if (step && endsAt !== undefined) {
    for (const { moment, at } of moments) cues.push([at, { type: 'momentCue', moment, step, endsAt }]);
    for (const effect of atEnd) if (effect.type === 'stepCue' || effect.type === 'finishCue') cues.push([endsAt, effect]);
  }
  const { chime, spokenCues, volume } = settings;
  // Keyed on what it plays (`cues` is a new array at every render), so a re-render keeps the timers it has.
  const plan = JSON.stringify(cues);
  useEffect(() => {
    const lang = browser.i18n.getUILanguage();
    const timers = (JSON.parse(plan) as typeof cues).map(([at, cue]) => {
      const wait = at - Date.now();
      // The sound and voice code loads when the first cue is due, not with the popup: the popup opens faster.
      const play = () => void import('@/utils/platform/sound/play-cue').then(({ playCueHere }) => playCueHere(cue, { chime, spokenCues, volume }, lang));
      return (chime || spokenCues) && wait > 0 ? setTimeout(play, wait) : undefined;
    });
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, [plan, chime, spokenCues, volume]);
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
  useCues(stored, settings);
  useShortcuts(paused, send);

  const step = state.steps[state.stepIndex];
  // An active routine always stands on one of its steps; render nothing rather than crash if storage ever says otherwise.
  if (!step) return null;
  const next = state.steps[state.stepIndex + 1];
  const leadInLeft = endedMeanwhile ? 0 : leadInRemainingMs(state, now);
  const gettingReady = leadInLeft > 0;
  const remaining = endedMeanwhile ? 0 : stepRemainingMs(state, now);
  const left = formatClock(endedMeanwhile ? 0 : routineRemainingMs(state, now));

  return (
    <main class="running">
      <p class="running__progress">{t('popup_step_of', state.stepIndex + 1, state.steps.length, left)}</p>
      {gettingReady && <p class="running__status">{t('popup_get_ready')}</p>}
      <h1 class="running__title">{stepTitle(step)}</h1>
      <p class="running__side">{t(`side_${step.side}`)}</p>
      <div class="running__stage">
        <div class="running__picture">
          <StepPicture step={step} size="large" />
        </div>
        <CountdownRing
          remainingMs={gettingReady ? leadInLeft : remaining}
          totalMs={gettingReady ? state.leadInMs : step.durationSec * 1000}
          paused={paused}
          label={t(gettingReady ? 'popup_lead_in_left' : 'popup_time_left')}
        />
      </div>
      {paused && <p class="running__status running__paused">{t('popup_paused')}</p>}
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
          <button type="button" onClick={() => send({ type: 'skip' })} title={t(gettingReady ? 'popup_start_now_hint' : 'popup_skip_hint')}>
            {t(gettingReady ? 'popup_start_now' : 'popup_skip')}
          </button>
        </div>
        <button type="button" class="danger" onClick={() => send({ type: 'stop' })} title={t('popup_stop_hint')}>
          {t('popup_stop')}
        </button>
      </div>
    </main>
  );
}
