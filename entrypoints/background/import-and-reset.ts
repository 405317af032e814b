import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { localDayKey } from '@/utils/day';
import { DATA_REQUEST_SCHEMA } from '@/utils/protocol/command-schemas';
import type { CommandReply } from '@/utils/protocol/commands';
import { appendToLog, bucketDay, emptyTotals, TOTALS_KEY } from '@/utils/history/log';
import { dailyTotals } from '@/utils/history/totals';
import { validateImport } from '@/utils/transfer/import-export';
import { IDLE } from '@/utils/routine/timer';
import { initialSittingState } from '@/utils/sitting/rules';
import { lockedSettings } from '@/utils/settings/policy';
import { isQuotaError } from '@/utils/platform/quota';
import { runBackgroundJob } from './job';
import { applyManagedPolicy, POLICY_KEY, readPolicy } from './policy';
import { syncWriteError } from './commands';

/**
 * Import and reset: the only writes that replace history, so the background
 * (the event log's one writer) makes them, after checking the data again.
 * The history on this device is replaced in one `storage.local.set`; settings
 * and routines then go to `storage.sync`, and if that fails the history is
 * put back as it was, so a failure never leaves half an import.
 */

/** Every stored history key set to what replaces it: buckets not in the new history become empty, and are removed later. */
function replaceHistory(all: Record<string, unknown>, buckets: Record<string, unknown>, totals: unknown): Record<string, unknown> {
  const changes: Record<string, unknown> = { [TOTALS_KEY]: totals };
  for (const key of Object.keys(all)) if (bucketDay(key) !== undefined) changes[key] = [];
  return Object.assign(changes, buckets);
}

/** Puts back the keys a change touched as they were before it: stored values again, new keys removed. */
async function restore(all: Record<string, unknown>, changes: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(changes);
  // New keys go first, so that putting the old values back has the room they had.
  await browser.storage.local.remove(keys.filter((key) => !(key in all)));
  await browser.storage.local.set(Object.fromEntries(keys.filter((key) => key in all).map((key) => [key, all[key]])));
}

export async function handleDataRequest(raw: unknown, now: number): Promise<CommandReply> {
  const parsed = v.safeParse(DATA_REQUEST_SCHEMA, raw);
  if (!parsed.success) return { ok: false, error: 'error_bad_command' };
  const today = localDayKey(now);
  const all = await browser.storage.local.get(null);
  let local: Record<string, unknown>;
  let sync: () => Promise<void>;
  if (parsed.output.type === 'import') {
    // The page checked the file already; a message may come from anywhere, so every check runs again here.
    const result = validateImport(parsed.output.bundle, now);
    if (!result.ok) return { ok: false, error: result.error };
    const { settings, presets, events, dailyTotals: imported } = result.bundle;
    const policy = await readPolicy();
    const { buckets } = appendToLog({}, events, emptyTotals('0000-00-00'));
    const totals = { through: today, days: dailyTotals(events.filter((e) => e.day < today), imported), dropped: 0 };
    local = replaceHistory(all, buckets, totals);
    // A locked setting keeps the organisation's value; the page said so before the user confirmed.
    sync = () => browser.storage.sync.set({ settings: { ...settings, ...lockedSettings(policy) }, presets });
  } else {
    local = { ...replaceHistory(all, {}, emptyTotals(today)), routine: IDLE, sitting: initialSittingState(now), remindHere: true, [POLICY_KEY]: null };
    sync = () => browser.storage.sync.remove(['settings', 'settings$', 'presets']);
  }
  try {
    await browser.storage.local.set(local);
  } catch (error) {
    return { ok: false, error: isQuotaError(error) ? 'error_storage_quota' : 'error_save_failed' };
  }
  try {
    await sync();
  } catch (error) {
    await restore(all, local);
    return { ok: false, error: syncWriteError(error) };
  }
  // After a reset the organisation's values are the defaults again, as on a new install. Should this fail, the next start applies them.
  await applyManagedPolicy().catch(() => undefined);
  // The sitting clock and the views follow the new settings and history in a job of their own.
  await runBackgroundJob({ type: 'sitting', input: { type: 'settingsChanged' } }, now);
  return { ok: true };
}
