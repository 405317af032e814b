import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { resolvePresets, type PresetCustomisations } from '@/utils/routine/presets';
import { parseSettings, type Settings } from '@/utils/settings/settings';
import { parsePresetCustomisations } from '@/utils/routine/presets-schema';
import { policyItem, presetsItem, remindHereItem, settingsItem } from '@/utils/platform/storage/items';
import { readPolicyForPage } from '@/utils/settings/policy-ignored';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { useStorageItem } from '@/components/use-storage';
import { Notices } from '@/components/Notices';
import { PolicyNotice } from '@/components/PolicyNotice';
import type { Reply } from '@/utils/protocol/messages';
import { createSettingsSaver, type SaverState } from '@/components/settings-saver';
import { StorageFullNotice } from '@/components/StorageFullNotice';
import { FieldValidity } from '@/components/fields/validity';
import { sendPresets, sendRemindHere, sendSettingsPatch } from './save';
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

/** The first-run page, a page of its own; the settings link to it from the top. */
export const WELCOME_PAGE = '/welcome.html';

/** The page, with its fields able to say when they hold a value that was not saved. */
export function App() {
  const [invalidFields, setInvalidFields] = useState<ReadonlySet<string>>(new Set());
  const reportValidity = useCallback((fieldId: string, invalid: boolean) => {
    setInvalidFields((before) => {
      if (before.has(fieldId) === invalid) return before;
      const after = new Set(before);
      if (invalid) after.add(fieldId);
      else after.delete(fieldId);
      return after;
    });
  }, []);
  return (
    <FieldValidity.Provider value={reportValidity}>
      <OptionsPage anyFieldInvalid={invalidFields.size > 0} />
    </FieldValidity.Provider>
  );
}

function OptionsPage({ anyFieldInvalid }: { anyFieldInvalid: boolean }) {
  const parsed = useStorageItem(settingsItem, parseSettings);
  const stored = useStorageItem(presetsItem, parsePresetCustomisations);
  const remindHere = useStorageItem(remindHereItem, readBoolean);
  const policy = useStorageItem(policyItem, readPolicyForPage);
  const presets = useMemo(() => stored && resolvePresets(stored.customisations), [stored]);
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
  const loaded = parsed !== undefined && stored !== undefined && remindHere !== undefined;
  useEffect(() => {
    // The sections exist only once storage is read, after the browser's own jump to the address's #section.
    if (loaded && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded]);

  if (!parsed || !stored || !presets || remindHere === undefined || !policy) return <main aria-busy="true" />;

  const report = (reply: Reply) => setStatus(reply.ok ? { key: 'options_saved', error: false } : { key: reply.error, error: true });
  const save = (patch: Partial<Settings>) => settingsSaver.save(patch);
  const saveRoutines = (c: PresetCustomisations) => void sendPresets(c).then(report);
  const setRemindHere = (value: boolean) => void sendRemindHere(value).then(report);
  // What is being saved shows at once; once stored, the stored value takes its place.
  const settings: Settings = { ...parsed.settings, ...saver.unsaved };
  // A field showing an error holds a value that was not saved, whatever the last save said.
  const shown = anyFieldInvalid ? { key: 'error_not_saved' as const, error: true } : status;

  return (
    <main class="options">
      <header class="options__header">
        <h1>{t('options_title')}</h1>
        <p class={`save-status${shown?.error ? ' save-status--error' : ''}`} role="status" aria-live="polite">
          {shown ? t(shown.key) : ''}
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
        <a href={WELCOME_PAGE} class="options__welcome">
          {t('options_show_welcome')}
        </a>
      </nav>
      <StorageFullNotice />
      <Notices settingsFields={parsed.invalidFields} presetsInvalid={stored.invalid} />
      <PolicyNotice ignored={policy.ignored} />
      <Reminders settings={settings} remindHere={remindHere} locked={policy.locked} save={save} setRemindHere={setRemindHere} />
      <ActiveHours settings={settings} locked={policy.locked} save={save} />
      <Goals settings={settings} locked={policy.locked} save={save} />
      <RoutineSection
        settings={settings}
        locked={policy.locked}
        presets={presets}
        customisations={stored.customisations}
        save={save}
        savePresets={saveRoutines}
      />
      <Sound settings={settings} save={save} />
      <Shortcuts />
      <HistorySection settings={settings} now={Date.now()} />
      <DataSection settings={settings} customisations={stored.customisations} locked={policy.locked} />
      <About welcomePage={WELCOME_PAGE} />
    </main>
  );
}
