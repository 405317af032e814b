import { useMemo, useState } from 'preact/hooks';
import { resolvePresets, type PresetCustomisations } from '@/utils/routine/presets';
import { parseSettings, type Settings } from '@/utils/settings/settings';
import { parsePresetCustomisations } from '@/utils/routine/presets-schema';
import { presetsItem, remindHereItem, settingsItem } from '@/utils/platform/storage';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { useStorageItem } from '@/components/use-storage';
import { Notices } from '@/components/Notices';
import { saveSettings, savePresets, type SaveOutcome } from './save';
import { Welcome } from './sections/Welcome';
import { Reminders } from './sections/Reminders';
import { ActiveHours } from './sections/ActiveHours';
import { Goals } from './sections/Goals';
import { RoutineSection } from './sections/RoutineSection';
import { Sound } from './sections/Sound';
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

  if (!parsed || !stored || !presets || remindHere === undefined) return <main aria-busy="true" />;

  const report = (outcome: SaveOutcome) =>
    setStatus(outcome.ok ? { key: 'options_saved', error: false } : { key: outcome.error, error: true });
  const save = (patch: Partial<Settings>) => void saveSettings(patch).then(report);
  const saveRoutines = (c: PresetCustomisations) => void savePresets(c).then(report);
  const setRemindHere = (value: boolean) => void remindHereItem.setValue(value).then(() => report({ ok: true }));
  const { settings } = parsed;

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
        <a href="#history">{t('options_history')}</a>
        <a href="#data">{t('options_data')}</a>
        <a href="#about">{t('options_about')}</a>
      </nav>
      <Notices settingsFields={parsed.invalidFields} presetsInvalid={stored.invalid} />
      {showWelcome && <Welcome settings={settings} save={save} onClose={() => setShowWelcome(false)} />}
      <Reminders settings={settings} remindHere={remindHere} save={save} setRemindHere={setRemindHere} />
      <ActiveHours settings={settings} save={save} />
      <Goals settings={settings} save={save} />
      <RoutineSection settings={settings} presets={presets} customisations={stored.customisations} save={save} savePresets={saveRoutines} />
      <Sound settings={settings} save={save} />
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
