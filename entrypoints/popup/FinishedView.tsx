import { useLayoutEffect, useState } from 'preact/hooks';
import type { RoutineState } from '@/utils/routine/timer';
import type { Settings } from '@/utils/settings/settings';
import type { TodayProgress } from '@/utils/display/popup-snapshot';
import { ComfortCheck, type ComfortRating } from '@/components/ComfortCheck';
import type { RoutineRequest } from '@/utils/protocol/messages';
import { formatClock } from '@/utils/format';
import { t, tCount } from '@/utils/platform/i18n';
import { useNow } from '@/components/use-now';
import { isSpace } from './RunningView';
import './finished.css';

export interface FinishedViewProps {
  state: Extract<RoutineState, { status: 'finished' }>;
  presetLabel: string;
  settings: Settings;
  today: TodayProgress;
  /** While a Stop can still be undone: until when. */
  undoUntil?: number;
  onDone: () => void;
  send: (request: RoutineRequest) => Promise<boolean>;
}

/** "Stopped. Undo" for the few seconds a Stop can be taken back; Space undoes too, as it resumes everywhere else. */
function UndoBar({ until, send }: { until: number; send: FinishedViewProps['send'] }) {
  const now = useNow(250);
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSpace(event)) return;
      event.preventDefault();
      if (event.type === 'keydown' && !event.repeat) void send({ type: 'undoStop' });
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('keyup', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('keyup', onKey);
    };
  }, [send]);
  const seconds = Math.ceil((until - now) / 1000);
  if (seconds <= 0) return null;
  return (
    <p class="undo" role="status">
      <span>{t('popup_stop_pending', seconds)}</span>
      <button type="button" class="primary" onClick={() => void send({ type: 'undoStop' })} title={t('popup_undo_stop_hint')}>
        {t('popup_undo_stop')}
      </button>
    </p>
  );
}

/** The end of a routine: how long it took and how many steps were done. */
export function FinishedView({ state, presetLabel, settings, today, undoUntil, onDone, send }: FinishedViewProps) {
  const completed = state.outcome === 'completed';
  const [rating, setRating] = useState<ComfortRating>({});
  const done = async () => {
    // Done saves the rating picked; if that fails the view stays, with the values and the error showing.
    if ((rating.feet !== undefined || rating.back !== undefined) && !(await send({ type: 'rateComfort', ...rating }))) return;
    onDone();
  };
  return (
    <main class="finished">
      {undoUntil !== undefined && <UndoBar until={undoUntil} send={send} />}
      <h1>{completed ? t('popup_finished_title') : t('popup_stopped_title')}</h1>
      <p class="finished__preset">{presetLabel}</p>
      <p class="finished__summary">{t('popup_finished_summary', formatClock(state.durationMs), state.stepsDone, state.stepsTotal)}</p>
      {!completed && <p class="muted">{t('popup_finished_rule')}</p>}
      <p class="finished__today">
        {t('popup_today_progress', tCount('count_routines', today.routinesCompleted), today.fullRoutines, settings.goalRoutinesPerDay)}
      </p>
      {completed && settings.comfortCheck && <ComfortCheck value={rating} onChange={setRating} />}
      <button type="button" class="primary" onClick={() => void done()} autoFocus>
        {t('popup_done')}
      </button>
    </main>
  );
}
