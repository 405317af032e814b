import type { RoutineState } from '@/utils/routine/timer';
import type { Settings } from '@/utils/settings/settings';
import type { TodayProgress } from '@/utils/display/popup-snapshot';
import { ComfortCheck } from '@/components/ComfortCheck';
import type { RoutineRequest } from '@/utils/protocol/commands';
import { formatClock } from '@/utils/format';
import { t, tCount } from '@/utils/platform/i18n';

export interface FinishedViewProps {
  state: Extract<RoutineState, { status: 'finished' }>;
  presetLabel: string;
  settings: Settings;
  today: TodayProgress;
  onDone: () => void;
  send: (request: RoutineRequest) => Promise<boolean>;
}

/** The end of a routine: how long it took and how many steps were done. */
export function FinishedView({ state, presetLabel, settings, today, onDone, send }: FinishedViewProps) {
  const completed = state.outcome === 'completed';
  return (
    <main class="finished">
      <h1>{completed ? t('popup_finished_title') : t('popup_stopped_title')}</h1>
      <p class="finished__preset">{presetLabel}</p>
      <p class="finished__summary">
        {t('popup_finished_summary', formatClock(state.durationMs), state.stepsDone, state.stepsTotal)}
      </p>
      {!completed && <p class="muted">{t('popup_finished_rule')}</p>}
      <p class="finished__today">{t('popup_today_progress', tCount('count_routines', today.routinesCompleted), today.fullRoutines, settings.goalRoutinesPerDay)}</p>
      {completed && settings.comfortCheck && <ComfortCheck send={send} />}
      <button type="button" class="primary" onClick={onDone} autoFocus>
        {t('popup_done')}
      </button>
    </main>
  );
}
