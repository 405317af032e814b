import { storage } from '@wxt-dev/storage';
import { SETTINGS_VERSION, parseSettings, type ParsedSettings } from '../settings/settings';
import { parseEventLog, type ParsedLog } from '../history/events';
import { parsePresetCustomisations, type ParsedCustomisations } from '../routine/presets-schema';
import { parseRoutineState, type ParsedRoutineState } from '../routine/timer-schema';
import { parseSittingState, type ParsedSittingState } from '../sitting/schema';
import { parseDailyTotals } from '../history/schema';
import type { DailyTotals } from '../history/totals';

/**
 * One typed item per key. Settings and the routine editor's changes follow the
 * user in `sync:`; state and the event log stay on this device in `local:`
 * (never `session:`, which the browser clears on restart).
 *
 * Items hold `unknown`: whatever is stored may have been written by another
 * version or damaged, so every read goes through a parser that falls back to
 * defaults instead of throwing. Migrations are not declared here, because
 * `@wxt-dev/storage` would then run them in every page that imports this
 * file; the background runs them once at start (`utils/platform/migrations.ts`).
 */

export const settingsItem = storage.defineItem<unknown>('sync:settings', { version: SETTINGS_VERSION });

export const presetsItem = storage.defineItem<unknown>('sync:presets');

/**
 * “Remind on this browser”: kept on this device only, for people whose two
 * profiles or browsers share one idle state and would get every reminder twice.
 */
export const remindHereItem = storage.defineItem<boolean>('local:remindHere', { fallback: true });

/** Set once the welcome page has been shown, so that it never opens again by itself. */
export const onboardedItem = storage.defineItem<boolean>('local:onboarded', { fallback: false });

export const eventLogItem = storage.defineItem<unknown>('local:eventLog');

/** Daily totals of days older than the raw events kept; written only by the background's compaction. */
export const dailyTotalsItem = storage.defineItem<unknown>('local:dailyTotals');

/** The running routine; only the background writes it, every view watches it. */
export const routineItem = storage.defineItem<unknown>('local:routine');

/** What the popup shows, rebuilt by the background after every change (utils/display/popup-snapshot.ts). */
export const popupSnapshotItem = storage.defineItem<unknown>('local:popup');

/** The sitting tracker's state; only the background writes it. */
export const sittingItem = storage.defineItem<unknown>('local:sitting');

export async function readSettings(): Promise<ParsedSettings> {
  return parseSettings(await settingsItem.getValue());
}

export async function readPresetCustomisations(): Promise<ParsedCustomisations> {
  return parsePresetCustomisations(await presetsItem.getValue());
}

export async function readEventLog(): Promise<ParsedLog> {
  return parseEventLog(await eventLogItem.getValue());
}

export async function readRoutineState(): Promise<ParsedRoutineState> {
  return parseRoutineState(await routineItem.getValue());
}

export async function readSittingState(now: number): Promise<ParsedSittingState> {
  return parseSittingState(await sittingItem.getValue(), now);
}

export async function readDailyTotals(): Promise<DailyTotals> {
  return parseDailyTotals(await dailyTotalsItem.getValue());
}

/**
 * Whether a failed write hit one of the browser's storage limits: bytes
 * (`QUOTA_BYTES…`) or writes per minute and hour (`MAX_WRITE_OPERATIONS…`).
 */
export function isQuotaError(error: unknown): boolean {
  return /quota|MAX_/i.test(String(error));
}
