import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import {
  BUCKET_PREFIX,
  ONBOARDED_KEY,
  POLICY_KEY,
  POPUP_KEY,
  PRESETS_KEY,
  REMIND_HERE_KEY,
  ROUTINE_KEY,
  SETTINGS_KEY,
  SITTING_KEY,
  TOTALS_KEY,
} from '../../storage-keys';
import { bucketDay, emptyTotals, type StoredTotals } from '../../history/log';
import { parseStoredTotals } from '../../history/schema';
import { localDayKey } from '../../day';
import { SETTINGS_VERSION, parseSettings, type ParsedSettings } from '../../settings/settings';
import { parseEventLog, type ParsedLog } from '../../history/events';
import { parsePresetCustomisations, type ParsedCustomisations } from '../../routine/presets-schema';
import { parseRoutineState, type ParsedRoutineState } from '../../routine/timer-schema';
import { parseSittingState, type ParsedSittingState } from '../../sitting/schema';

/**
 * One typed item per key. Settings and the routine editor's changes follow the
 * user in `sync:`; state and the event log stay on this device in `local:`
 * (never `session:`, which the browser clears on restart).
 *
 * Items hold `unknown`: whatever is stored may have been written by another
 * version or damaged, so every read goes through a parser that falls back to
 * defaults instead of throwing. Migrations are not declared here, because
 * `@wxt-dev/storage` would then run them in every page that imports this
 * file; the background runs them once at start (`runMigrations` in
 * `utils/platform/storage/sync-watch.ts`, which reads and writes these same keys
 * with the browser's API alone, so that the worker carries no storage library).
 */

export const settingsItem = storage.defineItem<unknown>(`sync:${SETTINGS_KEY}`, { version: SETTINGS_VERSION });

export const presetsItem = storage.defineItem<unknown>(`sync:${PRESETS_KEY}`);

/**
 * “Remind on this browser”: kept on this device only, for people whose two
 * profiles or browsers share one idle state and would get every reminder twice.
 */
export const remindHereItem = storage.defineItem<boolean>(`local:${REMIND_HERE_KEY}`, { fallback: true });

/** The organisation's policy in effect (utils/settings/policy.ts), written by the background at each start and change. */
export const policyItem = storage.defineItem<unknown>(`local:${POLICY_KEY}`);

/** Set once the welcome page has been shown, so that it never opens again by itself. */
export const onboardedItem = storage.defineItem<boolean>(`local:${ONBOARDED_KEY}`, { fallback: false });

/** The totals of every day before today's buckets (utils/history/log.ts); only the background writes it. */
export const totalsItem = storage.defineItem<unknown>(`local:${TOTALS_KEY}`);

/** One day's raw events, for pages that watch today's progress. */
export function eventBucketItem(day: string) {
  return storage.defineItem<unknown>(`local:${BUCKET_PREFIX}${day}`);
}

/** The running routine; only the background writes it, every view watches it. */
export const routineItem = storage.defineItem<unknown>(`local:${ROUTINE_KEY}`);

/** What the popup shows, rebuilt by the background after every change (utils/display/popup-snapshot.ts). */
export const popupSnapshotItem = storage.defineItem<unknown>(`local:${POPUP_KEY}`);

/** The sitting tracker's state; only the background writes it. */
export const sittingItem = storage.defineItem<unknown>(`local:${SITTING_KEY}`);

export async function readSettings(): Promise<ParsedSettings> {
  return parseSettings(await settingsItem.getValue());
}

export async function readPresetCustomisations(): Promise<ParsedCustomisations> {
  return parsePresetCustomisations(await presetsItem.getValue());
}

/** The raw events of every stored day, oldest first, with the count of entries that could not be read. */
export async function readEventLog(): Promise<ParsedLog> {
  const all = await browser.storage.local.get(null);
  const days = Object.keys(all)
    .filter((key) => bucketDay(key) !== undefined)
    .sort();
  const parsed = days.map((key) => parseEventLog(all[key]));
  return { events: parsed.flatMap((p) => p.events), dropped: parsed.reduce((n, p) => n + p.dropped, 0) };
}

export async function readRoutineState(): Promise<ParsedRoutineState> {
  return parseRoutineState(await routineItem.getValue());
}

export async function readSittingState(now: number): Promise<ParsedSittingState> {
  return parseSittingState(await sittingItem.getValue(), now);
}

export async function readStoredTotals(now: number): Promise<StoredTotals> {
  return parseStoredTotals(await totalsItem.getValue()) ?? emptyTotals(localDayKey(now));
}
