import { useState } from 'preact/hooks';
import type { ImportResult, RoutineRef } from '@/utils/transfer/import-export';
import { localDayKey } from '@/utils/day';
import { dailyTotals, totalsToCsv } from '@/utils/history/totals';
import { isBuiltInPresetId, presetNameKey, type PresetCustomisations } from '@/utils/routine/presets';
import type { Settings } from '@/utils/settings/settings';
import { POLICY_FIELDS, type PolicyField } from '@/utils/settings/policy';
import { readEventLog, readStoredTotals } from '@/utils/platform/storage/items';
import { sendRequest } from '@/utils/platform/messaging/send';
import { t, tCount } from '@/utils/platform/i18n';
import { dayLabel } from '@/components/history/day-label';

export interface DataSectionProps {
  settings: Settings;
  customisations: PresetCustomisations;
  /** Settings the organisation's policy locks: an import keeps their values. */
  locked: readonly PolicyField[];
}

type Pending = Extract<ImportResult, { ok: true }>;

function routineName(routine: RoutineRef): string {
  if (routine.name) return routine.name;
  return isBuiltInPresetId(routine.id) ? t(presetNameKey(routine.id)) : routine.id;
}

/** The import's own words for what is wrong, with the detail that lets the user find it in the file. */
function describeImportError(result: Extract<ImportResult, { ok: false }>): string {
  switch (result.error) {
    case 'error_import_newer':
      return t('error_import_newer', result.version);
    case 'error_import_unsafe_key':
      return t('error_import_unsafe_key', result.key);
    case 'error_import_settings':
      return t('error_import_settings', result.fields.map((f) => t(`field_${f.field}`)).join(', '));
    case 'error_import_duplicate_routine':
    case 'error_import_duplicate_step':
    case 'error_import_no_steps_on':
      return t(result.error, routineName(result.routine));
    case 'error_import_missing_routine':
      return t('error_import_missing_routine', t(`field_${result.field}`), result.presetId);
    case 'error_import_events':
    case 'error_import_event_time':
    case 'error_import_event_day':
      return t(result.error, result.count, result.index + 1);
    case 'error_import_totals_day':
      return t('error_import_totals_day', result.count, result.day);
    default:
      return t(result.error);
  }
}

/** What an import holds, in words and everyday dates (“3 Oct to 28 Nov”; the year only when it is not this one). */
function describeImport({ summary }: Pending): string {
  const { firstDay, lastDay } = summary;
  let history = t('import_summary_no_history');
  if (firstDay && lastDay) {
    const thisYear = localDayKey(Date.now()).slice(0, 4);
    const year = firstDay.startsWith(thisYear) && lastDay.startsWith(thisYear) ? {} : { year: 'numeric' as const };
    const date = (day: string) => dayLabel(day, { day: 'numeric', month: 'short', ...year });
    history = t('import_summary_history', date(firstDay), date(lastDay));
  }
  return t('import_summary', history, tCount('import_own_routines', summary.customPresets));
}

/** Names the locked settings whose value in the file differs: the import keeps the organisation's. */
function LockedKept({ locked, settings, imported }: { locked: readonly PolicyField[]; settings: Settings; imported: Settings }) {
  const kept = POLICY_FIELDS.filter(
    (field): field is Exclude<PolicyField, 'remindHere'> =>
      field !== 'remindHere' && locked.includes(field) && JSON.stringify(imported[field]) !== JSON.stringify(settings[field]),
  );
  if (kept.length === 0) return null;
  return <p class="notice">{t('import_locked_kept', kept.map((field) => t(`field_${field}`)).join(', '))}</p>;
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Message({ text, error }: { text: string; error: boolean }) {
  return (
    <p class={error ? 'field__error' : 'done'} role={error ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

/** Export, import (checked whole, confirmed before it replaces anything) and reset. */
export function DataSection({ settings, customisations, locked }: DataSectionProps) {
  const [pending, setPending] = useState<Pending | undefined>();
  // Each message shows beside the button it answers: the import's by Import…, the reset's by Reset everything….
  const [message, setMessage] = useState<{ text: string; error: boolean; from: 'import' | 'reset' } | undefined>();
  const [confirmingReset, setConfirmingReset] = useState(false);

  // The bundle's format and its complete check (valibot schemas) load on the first export or import, not with the page.
  const transfer = () => import('@/utils/transfer/import-export');

  const readHistory = async () => {
    const now = Date.now();
    const [{ events }, stored] = await Promise.all([readEventLog(), readStoredTotals(now)]);
    // Days whose raw events are still kept are exported as events; only older days as totals.
    const eventDays = new Set(events.map((e) => e.day));
    const totals = Object.fromEntries(Object.entries(stored.days).filter(([day]) => !eventDays.has(day)));
    return { events, totals };
  };

  const exportData = async () => {
    const [{ events, totals }, { buildExport }] = await Promise.all([readHistory(), transfer()]);
    const now = Date.now();
    const bundle = buildExport(settings, customisations, events, totals, now);
    download(`roll-call-${localDayKey(now)}.json`, 'application/json', JSON.stringify(bundle, null, 2));
  };

  const exportCsv = async () => {
    const { events, totals } = await readHistory();
    const now = Date.now();
    download(`roll-call-daily-${localDayKey(now)}.csv`, 'text/csv', totalsToCsv(dailyTotals(events, totals), settings.fullRoutinePresetId));
  };

  const readFile = async (file: File | undefined) => {
    setPending(undefined);
    if (!file) return;
    const { checkImportSize, parseImport } = await transfer();
    // Measured once, on the file's own bytes, and before reading it: a file too big is never read.
    const tooLarge = checkImportSize(file.size);
    const result: ImportResult = tooLarge ? { ok: false, ...tooLarge } : parseImport(await file.text(), Date.now(), file.size);
    if (result.ok) {
      setPending(result);
      setMessage(undefined);
    } else {
      setMessage({ text: describeImportError(result), error: true, from: 'import' });
    }
  };

  const confirmImport = async () => {
    if (!pending) return;
    const reply = await sendRequest('data', { type: 'import', bundle: pending.bundle });
    setPending(undefined);
    setMessage({ text: t(reply.ok ? 'import_done' : reply.error), error: !reply.ok, from: 'import' });
  };

  const reset = async () => {
    const reply = await sendRequest('data', { type: 'reset' });
    setConfirmingReset(false);
    setMessage({ text: t(reply.ok ? 'reset_done' : reply.error), error: !reply.ok, from: 'reset' });
  };

  return (
    <section id="data" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('options_data')}</h2>
      <p>{t('data_intro')}</p>
      <div class="field-row">
        <button type="button" onClick={() => void exportData()}>
          {t('data_export')}
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          {t('data_export_csv')}
        </button>
        <label class="button-like" for="import-file">
          {t('data_import')}
        </label>
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void readFile(e.currentTarget.files?.[0])}
        />
      </div>
      {message?.from === 'import' && <Message {...message} />}
      {pending && (
        <div class="confirm" role="group" aria-labelledby="import-summary">
          <p id="import-summary">{describeImport(pending)}</p>
          <p>{t('import_warning')}</p>
          <LockedKept locked={locked} settings={settings} imported={pending.bundle.settings} />
          <div class="field-row">
            <button type="button" class="primary" onClick={() => void confirmImport()}>
              {t('import_confirm')}
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div class="field-row">
        <button type="button" class="danger" aria-expanded={confirmingReset} onClick={() => setConfirmingReset(true)}>
          {t('data_reset')}
        </button>
      </div>
      {confirmingReset && (
        <div class="confirm" role="group" aria-labelledby="reset-warning">
          <p id="reset-warning">{t('reset_warning')}</p>
          <div class="field-row">
            <button type="button" class="danger" onClick={() => void reset()}>
              {t('reset_confirm')}
            </button>
            <button type="button" onClick={() => setConfirmingReset(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {message?.from === 'reset' && <Message {...message} />}
    </section>
  );
}
