import { useEffect, useMemo, useState } from 'preact/hooks';
import { resolvePresets, type PresetCustomisations } from '@/utils/routine/presets';
import { parseSettings, type Settings } from '@/utils/settings/settings';
import { parsePresetCustomisations } from '@/utils/routine/presets-schema';
import { presetsItem, remindHereItem, settingsItem } from '@/utils/platform/storage';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { useStorageItem } from '@/components/use-storage';
import { Notices } from '@/components/Notices';
import type { CommandReply } from '@/utils/protocol/commands';
import { createSettingsSaver, type SaverState } from '@/components/settings-saver';
import { StorageFullNotice } from '@/components/StorageFullNotice';
import { sendPresets, sendRemindHere, sendSettingsPatch } from './save';
import { Welcome } from './sections/Welcome';
import { Reminders } from './sections/Reminders';
import { ActiveHours } from './sections/ActiveHours';
import { Goals } from './sections/Goals';
import { RoutineSection } from './sections/RoutineSection';
import { Sound } from './sections/Sound';
import { Shortcuts } from './sections/Shortcuts';
import { DataSection } from './sections/DataSection';
import { About } from './sections/About';
import { HistorySection } from './sections/HistorySection';

const readBoolean = (raw: unknown) => raw !== false;

export interface AppProps {
  /** Open with the welcome shown: the first run, or “Show the welcome again”. */
  welcome: boolean;
}

export function App({ welcome }: AppProps) {
  const parsed = useStorageItem(settingsItem, parseSettings);
  const stored = useStorageItem(presetsItem, parsePresetCustomisations);
  const remindHere = useStorageItem(remindHereItem, readBoolean);
  const presets = useMemo(() => stored && resolvePresets(stored.customisations), [stored]);
  const [showWelcome, setShowWelcome] = useState(welcome);
  const [status, setStatus] = useState<{ key: MessageKey; error: boolean } | undefined>();
  const [saver, setSaver] = useState<SaverState>({ unsaved: {}, status: { type: 'idle' } });
  const settingsSaver = useMemo(() => createSettingsSaver(sendSettingsPatch, setSaver), []);
  useEffect(() => {
    // Leaving the page sends what is still waiting for its pause.
    const onHide = () => void settingsSaver.flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [settingsSaver]);
  useEffect(() => {
    const s = saver.status;
    if (s.type === 'saving') setStatus({ key: 'options_saving', error: false });
    else if (s.type === 'saved') setStatus({ key: 'options_saved', error: false });
    else if (s.type === 'failed') setStatus({ key: s.error, error: true });
  }, [saver.status]);

  if (!parsed || !stored || !presets || remindHere === undefined) return <main aria-busy="true" />;

  const report = (reply: CommandReply) => setStatus(reply.ok ? { key: 'options_saved', error: false } : { key: reply.error, error: true });
  const save = (patch: Partial<Settings>) => settingsSaver.save(patch);
  const saveRoutines = (c: PresetCustomisations) => void sendPresets(c).then(report);
  const setRemindHere = (value: boolean) => void sendRemindHere(value).then(report);
  // What is being saved shows at once; once stored, the stored value takes its place.
  const settings: Settings = { ...parsed.settings, ...saver.unsaved };

  return (
    <main class="options">
      <header class="options__header">
        <h1>{t('options_title')}</h1>
        <p class={`save-status${status?.error ? ' save-status--error' : ''}`} role="status" aria-live="polite">
          {status ? t(status.key) : ''}
        </p>
      </header>
      <nav class="options__nav" aria-label={t('options_sections')}>
        <a href="#reminders">{t('options_reminders')}</a>
        <a href="#active-hours">{t('options_active_hours')}</a>
        <a href="#goals">{t('options_goals')}</a>
        <a href="#routine">{t('options_routine')}</a>
        <a href="#sound">{t('options_sound')}</a>
        <a href="#shortcuts">{t('options_shortcuts')}</a>
        <a href="#history">{t('options_history')}</a>
        <a href="#data">{t('options_data')}</a>
        <a href="#about">{t('options_about')}</a>
      </nav>
      <StorageFullNotice />
      <Notices settingsFields={parsed.invalidFields} presetsInvalid={stored.invalid} />
      {showWelcome && <Welcome settings={settings} save={save} onClose={() => setShowWelcome(false)} />}
      <Reminders settings={settings} remindHere={remindHere} save={save} setRemindHere={setRemindHere} />
      <ActiveHours settings={settings} save={save} />
      <Goals settings={settings} save={save} />
      <RoutineSection settings={settings} presets={presets} customisations={stored.customisations} save={save} savePresets={saveRoutines} />
      <Sound settings={settings} save={save} />
      <Shortcuts />
      <HistorySection settings={settings} now={Date.now()} />
      <DataSection settings={settings} customisations={stored.customisations} />
      <About
        onShowWelcome={() => {
          setShowWelcome(true);
          document.getElementById('welcome')?.scrollIntoView();
        }}
      />
    </main>
  );
}
