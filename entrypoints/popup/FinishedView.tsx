import type { RoutineState } from '@/utils/routine-timer';
import { formatClock } from '@/utils/format';
import { t } from '@/utils/platform/i18n';

export interface FinishedViewProps {
  state: Extract<RoutineState, { status: 'finished' }>;
  presetLabel: string;
  onDone(): void;
}

/** The end of a routine: how long it took and how many steps were done. */
export function FinishedView({ state, presetLabel, onDone }: FinishedViewProps) {
  const completed = state.outcome === 'completed';
  return (
    <main class="finished">
      <h1>{completed ? t('popup_finished_title') : t('popup_stopped_title')}</h1>
      <p class="finished__preset">{presetLabel}</p>
      <p class="finished__summary">
        {t('popup_finished_summary', formatClock(state.durationMs), state.stepsDone, state.stepsTotal)}
      </p>
      <button type="button" class="primary" onClick={onDone} autoFocus>
        {t('popup_done')}
      </button>
    </main>
  );
}
