import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { findPreset } from '@/utils/routine/preset-lookup';
import { tick, undoStopUntil, type RoutineState } from '@/utils/routine/timer';
import { sendRequest } from '@/utils/platform/messaging/send';
import type { Reply, RoutineRequest, SittingRequest } from '@/utils/protocol/messages';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { openSidePanel } from '@/utils/platform/windows/side-panel';
import { usePopupSnapshot } from '@/components/use-snapshot';
import { presetName } from '@/components/preset-name';
import { Notices } from '@/components/Notices';
import { StorageFullNotice } from '@/components/StorageFullNotice';
import { RunningView } from './RunningView';
import { IdleView } from './IdleView';
import type { FinishedView as FinishedViewComponent } from './FinishedView';

export interface AppProps {
  /** True in the pop-out window, which shows large digits and has no pop-out button of its own. */
  inWindow: boolean;
  /** True in the side panel (Firefox: the sidebar), docked beside the page; it opens neither itself nor a window. */
  inPanel?: boolean;
}

/**
 * The toolbar popup's window, known before any click: Chrome opens a side
 * panel only within the click that asks for it, so there is no time to look it up then.
 */
function useWindowId(wanted: boolean): number | undefined {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    if (wanted)
      void browser.windows.getCurrent().then(
        (w: { id?: number } | undefined) => setWindowId(w?.id),
        () => undefined,
      );
  }, [wanted]);
  return windowId;
}

/** Opens the pop-out window; the code that finds or opens it loads with the click (a window needs no user gesture). */
async function popOut(): Promise<void> {
  const { openPopOutWindow } = await import('@/utils/platform/windows/routine-views');
  await openPopOutWindow();
  window.close();
}

let LoadedFinishedView: typeof FinishedViewComponent | undefined;

/**
 * The finish view (with the comfort check and Undo) is a chunk of its own: most openings of the popup never show
 * it, so it is not on the way to the first paint. A view that opens on it waits for it before painting (mount.tsx).
 */
export function loadFinishedView(): Promise<unknown> {
  return import('./FinishedView').then((module) => (LoadedFinishedView = module.FinishedView));
}

/** The finish view's state, shown as soon as a Stop is pressed, while it can still be undone: else undefined. */
export function finishing(state: RoutineState): { shown: Extract<RoutineState, { status: 'finished' }>; undoUntil?: number } | undefined {
  const undoUntil = undoStopUntil(state);
  const shown = undoUntil === undefined ? state : tick(state, undoUntil).state;
  return shown.status === 'finished' ? { shown, undoUntil } : undefined;
}

/** The finish view once its chunk is in; a routine under way fetches it ahead, so Stop and the end show it at once. */
function useFinishedView(wanted: boolean): typeof FinishedViewComponent | undefined {
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (wanted && !LoadedFinishedView) void loadFinishedView().then(() => setLoaded(true));
  }, [wanted]);
  return LoadedFinishedView;
}

export function App({ inWindow, inPanel = false }: AppProps) {
  const snapshot = usePopupSnapshot();
  const [error, setError] = useState<MessageKey | undefined>();
  const inPopup = !inWindow && !inPanel;
  const windowId = useWindowId(inPopup);
  const FinishedView = useFinishedView(snapshot !== undefined && snapshot.routine.status !== 'idle');

  const showReply = (reply: Reply) => {
    setError(reply.ok ? undefined : reply.error);
    return reply.ok;
  };
  const send = useCallback(async (request: RoutineRequest) => showReply(await sendRequest('routine', request)), []);
  const sendSitting = useCallback(async (request: SittingRequest) => showReply(await sendRequest('sitting', request)), []);

  if (!snapshot) return <main class="loading" aria-busy="true" />;

  const { routine: state, sitting, settings, presets, today, notices } = snapshot;
  // The running and finish views have their own main heading; otherwise the name is the page's heading.
  const Name = state.status === 'idle' ? 'h1' : 'span';
  // A Stop that can still be undone shows at once as what it will be logged as, with Undo.
  const finish = finishing(state);
  return (
    <div class={`app${inWindow ? ' app--window' : ''}${inPanel ? ' app--panel' : ''}`}>
      <header class="bar">
        <Name class="bar__name">{t('popup_title')}</Name>
        {inPopup && (
          <button type="button" class="link" title={t('popup_pop_out_hint')} onClick={() => void popOut()}>
            {t('popup_pop_out')}
          </button>
        )}
        {inPopup && windowId !== undefined && (
          <button
            type="button"
            class="link"
            title={t('popup_side_panel_hint')}
            onClick={() =>
              void openSidePanel(windowId).then(
                () => window.close(),
                () => setError('popup_side_panel_failed'),
              )
            }
          >
            {t('popup_side_panel')}
          </button>
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_options')}
        </button>
      </header>
      <Notices settingsFields={notices.settingsFields} presetsInvalid={notices.presetsInvalid} />
      <StorageFullNotice />
      {error && (
        <p class="error" role="alert">
          {t(error)}
        </p>
      )}
      {finish ? (
        FinishedView && (
          <FinishedView
            state={finish.shown}
            presetLabel={presetName(findPreset(presets, finish.shown.presetId) ?? { id: finish.shown.presetId })}
            settings={settings}
            today={today}
            undoUntil={finish.undoUntil}
            onDone={() => void send({ type: 'dismiss' })}
            send={send}
          />
        )
      ) : state.status === 'running' || state.status === 'paused' ? (
        <RunningView state={state} settings={settings} send={send} />
      ) : (
        <IdleView
          presets={presets}
          settings={settings}
          sitting={sitting}
          today={today}
          onStart={(presetId) => void send({ type: 'start', presetId })}
          sendSitting={(request) => void sendSitting(request)}
          remindHere={snapshot.remindHere}
          turnRemindersOn={() => void sendRequest('settings', { type: 'remindHere', value: true }).then(showReply)}
        />
      )}
      <footer class="disclaimer">{t('popup_disclaimer')}</footer>
    </div>
  );
}
