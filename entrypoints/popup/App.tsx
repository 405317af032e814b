import { useCallback, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { findPreset, resolvePresets } from '@/utils/routines';
import { parseSettings } from '@/utils/settings';
import { parsePresetCustomisations } from '@/utils/preset-schema';
import { parseRoutineState } from '@/utils/routine-schema';
import { parseSittingState } from '@/utils/sitting-schema';
import { presetsItem, routineItem, settingsItem, sittingItem } from '@/utils/storage';
import { sendCommand, type CommandReply, type RoutineRequest, type SittingRequest } from '@/utils/messages';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { openPopOutWindow } from '@/utils/platform/views';
import { useStorageItem } from '@/components/use-storage';
import { presetName } from '@/components/preset-name';
import { Notices } from '@/components/Notices';
import { RunningView } from './RunningView';
import { IdleView } from './IdleView';
import { FinishedView } from './FinishedView';

const parseSittingNow = (raw: unknown) => parseSittingState(raw, Date.now()).state;

export interface AppProps {
  /** True in the pop-out window, which shows large digits and has no pop-out button of its own. */
  inWindow: boolean;
}

export function App({ inWindow }: AppProps) {
  const routine = useStorageItem(routineItem, parseRoutineState);
  const sitting = useStorageItem(sittingItem, parseSittingNow);
  const settings = useStorageItem(settingsItem, parseSettings);
  const customisations = useStorageItem(presetsItem, parsePresetCustomisations);
  const presets = useMemo(() => customisations && resolvePresets(customisations.customisations), [customisations]);
  const [error, setError] = useState<MessageKey | undefined>();

  const showReply = (reply: CommandReply) => {
    setError(reply.ok ? undefined : reply.error);
    return reply.ok;
  };
  const send = useCallback(async (request: RoutineRequest) => showReply(await sendCommand('routine', request)), []);
  const sendSitting = useCallback(async (request: SittingRequest) => showReply(await sendCommand('sitting', request)), []);

  if (!routine || !sitting || !settings || !presets) return <main class="loading" aria-busy="true" />;

  const state = routine.state;
  return (
    <div class={`app${inWindow ? ' app--window' : ''}`}>
      <header class="bar">
        <span class="bar__name">{t('popup_title')}</span>
        {!inWindow && (
          <button type="button" class="link" title={t('popup_pop_out_hint')} onClick={() => void openPopOutWindow().then(() => window.close())}>
            {t('popup_pop_out')}
          </button>
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_options')}
        </button>
      </header>
      <Notices
        settingsFields={settings.invalidFields}
        presetsInvalid={customisations?.invalid ?? false}
      />
      {error && (
        <p class="error" role="alert">
          {t(error)}
        </p>
      )}
      {state.status === 'running' || state.status === 'paused' ? (
        <RunningView state={state} settings={settings.settings} send={send} />
      ) : state.status === 'finished' ? (
        <FinishedView
          state={state}
          presetLabel={presetName(findPreset(presets, state.presetId) ?? { id: state.presetId })}
          settings={settings.settings}
          onDone={() => void send({ type: 'dismiss' })}
          send={send}
        />
      ) : (
        <IdleView
          presets={presets}
          settings={settings.settings}
          sitting={sitting}
          onStart={(presetId) => void send({ type: 'start', presetId })}
          sendSitting={(request) => void sendSitting(request)}
        />
      )}
      <footer class="disclaimer">{t('popup_disclaimer')}</footer>
    </div>
  );
}
