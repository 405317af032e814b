import { browser } from 'wxt/browser';
import { localDayKey } from '@/utils/day';
import { BADGE_COLORS, routineBadge, sittingBadge } from '@/utils/display/badge';
import { buildPopupSnapshot } from '@/utils/display/popup-snapshot';
import { parseEventLog, type NewEvent, type RollCallEvent } from '@/utils/history/events';
import {
  bucketDay,
  bucketKey,
  bucketKeysOf,
  datedEvents,
  emptyTotals,
  migrateWholeLog,
  needsRollOver,
  rollOver,
  TOTALS_KEY,
} from '@/utils/history/log';
import { appendToHistory, jobHistoryOf, jobHistoryView, readJobHistory, type JobHistory } from '@/utils/history/job-history';
import { parseDailyTotals, parseStoredTotals } from '@/utils/history/schema';
import { runJob, type JobEffect, type JobInput, type JobResult } from '@/utils/jobs/run';
import type { CommandReply } from '@/utils/protocol/commands';
import { resolvePresets } from '@/utils/routine/presets';
import { parsePresetCustomisations } from '@/utils/routine/presets-schema';
import { nextWakeAt, undoStopUntil } from '@/utils/routine/timer';
import { parseRoutineState } from '@/utils/routine/timer-schema';
import { parseSettings, type ParsedSettings } from '@/utils/settings/settings';
import { SITTING_ALARMS, plannedAlarms } from '@/utils/sitting/rules';
import { parseSittingState } from '@/utils/sitting/schema';
import { DEVICE_ID_KEY, SHARED_BREAK_KEY } from '@/utils/sitting/shared-break';
import { isBusy } from '@/utils/platform/environment';
import { t } from '@/utils/platform/i18n';
import { setKeepAwake, wantsKeepAwake } from '@/utils/platform/keep-awake';
import { openPopOutWindow } from '@/utils/platform/routine-views';
import { isQuotaError } from '@/utils/platform/quota';
import { LEGACY_LOG_KEYS } from '@/utils/platform/worker-storage';
import { readStorageFull, writeStorageFull } from '@/utils/platform/storage-full';
import { clearReminder, isReminderOnScreen, showReminder } from './reminder';
import { performStepCue } from './step-cue';

/**
 * One job of the background: read what it needs once, run the pure core,
 * write every changed key and every new event in ONE `storage.local.set`,
 * then bring alarms, badge and notifications in line with what was stored.
 * A worker killed anywhere in here leaves either the old state or the new
 * one, never half of each; the next start heals from whichever it finds.
 */

export const STEP_ALARM = 'routine-step';
export const SITTING_ALARM_NAMES: readonly string[] = Object.values(SITTING_ALARMS);

const KEYS = { sitting: 'sitting', routine: 'routine', popup: 'popup', remindHere: 'remindHere', deviceId: DEVICE_ID_KEY } as const;

interface JobRead {
  local: Record<string, unknown>;
  settings: ParsedSettings;
  presetsStored: unknown;
  /** Its `through` is undefined when no totals are stored yet (a new install, or an older version's log still to move). */
  history: JobHistory;
}

async function readForJob(now: number): Promise<JobRead> {
  const today = bucketKey(localDayKey(now));
  const [local, sync] = await Promise.all([
    browser.storage.local.get([...Object.values(KEYS), TOTALS_KEY, today]),
    browser.storage.sync.get(['settings', 'presets']),
  ]);
  // Where the fold stands and the kept streak: the days themselves are read only if this job needs them.
  const history = readJobHistory(local[TOTALS_KEY]);
  return { local, settings: parseSettings(sync.settings), presetsStored: sync.presets, history };
}

/** The buckets the new events go into, read as stored: today's came with the job's read, others are read now. */
async function bucketsFor(events: readonly RollCallEvent[], local: Record<string, unknown>): Promise<Record<string, RollCallEvent[]>> {
  const keys = bucketKeysOf(events);
  const missing = keys.filter((key) => !(key in local));
  const more = missing.length > 0 ? await browser.storage.local.get(missing) : {};
  return Object.fromEntries(keys.map((key) => [key, parseEventLog(local[key] ?? more[key]).events]));
}

export interface JobOutcome {
  reply: CommandReply;
  result: JobResult;
  written: boolean;
}

/** Runs one job to the end. Callers run it inside the background's serial queue. */
export async function runBackgroundJob(input: JobInput, now: number, sender: { windowId?: number } = {}): Promise<JobOutcome> {
  let read = await readForJob(now);
  if (read.history.through === undefined || needsRollOver({ through: read.history.through }, now)) {
    // The first job of a new day folds yesterday into the totals first (a read of all history, once a day).
    await maintainHistory(now).catch(logEffectFailure);
    read = await readForJob(now);
  }
  const { settings } = read.settings;
  const storedPresets = parsePresetCustomisations(read.presetsStored);
  const presets = resolvePresets(storedPresets.customisations);
  const routine = parseRoutineState(read.local[KEYS.routine]);
  const sitting = parseSittingState(read.local[KEYS.sitting], now);
  const state = { sitting: sitting.state, routine: routine.state };
  // Made once, and made again if lost, in this job's one write.
  const storedId = read.local[KEYS.deviceId];
  const deviceId = typeof storedId === 'string' && storedId !== '' ? storedId : crypto.randomUUID();
  const ctx = { now, settings, presets, busy: false, deviceId };
  let result = runJob(state, input, ctx);
  // Only ask whether the user is busy when it matters: a reminder is about to show.
  if (settings.quietWhileBusy && result.effects.some((e) => e.type === 'showReminder') && (await isBusy())) {
    result = runJob(state, input, { ...ctx, busy: true });
  }
  const damage: NewEvent[] = [];
  if (routine.invalid || sitting.invalid) damage.push({ type: 'repaired', at: now, invariant: 'damagedState' });
  const events = datedEvents([...damage, ...result.events]);

  const changes: Record<string, unknown> = { [KEYS.sitting]: result.state.sitting };
  if (deviceId !== storedId) changes[KEYS.deviceId] = deviceId;
  if (result.state.routine !== routine.state || routine.invalid) changes[KEYS.routine] = result.state.routine;
  let history = read.history;
  let todayBucket = parseEventLog(read.local[bucketKey(localDayKey(now))]).events;
  if (events.length > 0) {
    const append = appendToHistory(await bucketsFor(events, read.local), events, history, localDayKey(now));
    Object.assign(changes, append.buckets);
    if (append.totals) history = jobHistoryOf((changes[TOTALS_KEY] = append.totals));
    todayBucket = append.buckets[bucketKey(localDayKey(now))] ?? todayBucket;
  }
  const historyView = jobHistoryView(history, todayBucket, localDayKey(now), settings);
  // A streak counted afresh (after a fold or a change of goal) is kept with the totals, in this same write.
  if (historyView.store && !(TOTALS_KEY in changes)) changes[TOTALS_KEY] = historyView.store;
  const remindHere = read.local[KEYS.remindHere] !== false;
  const snapshot = buildPopupSnapshot({
    routine: result.state.routine,
    sitting: result.state.sitting,
    settings,
    invalidSettingsFields: read.settings.invalidFields,
    presets,
    presetsInvalid: storedPresets.invalid,
    totals: historyView.totals,
    streak: historyView.streak,
    today: localDayKey(now),
    remindHere,
  });
  if (JSON.stringify(snapshot) !== JSON.stringify(read.local[KEYS.popup])) changes[KEYS.popup] = snapshot;

  const written = await writeAll(changes);
  // A due reminder is shown even when the write failed: reminding never depends on room in storage.
  for (const effect of result.effects) {
    // Unstored, the same reminder comes due again at the next refresh: show it only if it is not on screen already.
    const repeat = !written && effect.type === 'showReminder' && (await isReminderOnScreen(effect.reminderId));
    if ((written || effect.type === 'showReminder') && !repeat) await carryOut(effect, { settings, remindHere, senderWindowId: sender.windowId }).catch(logEffectFailure);
  }
  const stored = written ? result.state : state;
  await reconcileAlarms(stored, { now, settings });
  await showBadge(stored, settings, now, remindHere);
  setKeepAwake(wantsKeepAwake(stored.routine, settings));
  const reply: CommandReply = written ? result.reply : { ok: false, error: 'error_storage_quota' };
  return { reply, result, written };
}

/** The one write of a job. On a full storage it notes that in `storage.session`, which has room of its own. */
async function writeAll(changes: Record<string, unknown>): Promise<boolean> {
  try {
    await browser.storage.local.set(changes);
  } catch (error) {
    // Whatever the cause, the old state stands, and the job still puts the alarms and badge in line with it.
    if (isQuotaError(error)) await writeStorageFull(Date.now()).catch(() => undefined);
    else console.warn('Roll Call: a job could not store its result', error);
    return false;
  }
  const wasFull = await readStorageFull().catch(() => null);
  if (wasFull !== null) await writeStorageFull(null).catch(() => undefined);
  return true;
}

function logEffectFailure(error: unknown) {
  console.warn('Roll Call: an effect failed after its state was stored', error);
}

interface EffectEnv {
  settings: ParsedSettings['settings'];
  remindHere: boolean;
  senderWindowId?: number;
}

async function carryOut(effect: JobEffect, env: EffectEnv): Promise<void> {
  switch (effect.type) {
    case 'showReminder':
      if (env.remindHere) await showReminder(effect, env.settings);
      return;
    case 'clearReminder':
      return clearReminder(effect.reminderId, env.senderWindowId);
    case 'stepCue':
    case 'momentCue':
    case 'finishCue':
      return performStepCue(effect, env.settings);
    case 'openPopOut':
      return openPopOutWindow();
    case 'shareBreak':
      return browser.storage.sync.set({ [SHARED_BREAK_KEY]: effect.record });
  }
}

/**
 * Makes the browser's alarms match the stored state: the sitting clock's
 * plan plus the routine's step end; creates what is missing or moved and
 * clears the rest, so a lost or stray alarm never outlives one job.
 */
async function reconcileAlarms(state: JobResult['state'], ctx: Parameters<typeof plannedAlarms>[1] & { settings: { spokenCues: boolean } }): Promise<void> {
  const wanted = new Map<string, { when: number } | { periodInMinutes: number }>(Object.entries(plannedAlarms(state.sitting, ctx)));
  // The next moment to cue, the end of a step, or of the time to undo a Stop: each moves the routine on with no
  // view open. The countdown needs a wake only when it will be spoken.
  const stepWake = nextWakeAt(state.routine, ctx.settings.spokenCues) ?? undoStopUntil(state.routine);
  if (stepWake !== undefined) wanted.set(STEP_ALARM, { when: stepWake });
  const existing = new Map((await browser.alarms.getAll()).map((a) => [a.name, a]));
  for (const name of [...SITTING_ALARM_NAMES, STEP_ALARM]) {
    const want = wanted.get(name);
    const have = existing.get(name);
    if (!want) {
      if (have) await browser.alarms.clear(name);
    } else if ('when' in want) {
      if (have?.scheduledTime !== want.when) await browser.alarms.create(name, { when: want.when });
    } else if (have?.periodInMinutes !== want.periodInMinutes) {
      await browser.alarms.create(name, { periodInMinutes: want.periodInMinutes, delayInMinutes: want.periodInMinutes });
    }
  }
}

async function showBadge(state: JobResult['state'], settings: ParsedSettings['settings'], now: number, remindHere: boolean): Promise<void> {
  const badge = routineBadge(state.routine, now) ?? (remindHere ? sittingBadge(state.sitting, settings, now) : { text: t('badge_off'), color: BADGE_COLORS.paused });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
}

/**
 * The daily upkeep, run as a job of its own at worker start: moves an older
 * version's single log into day buckets, and once a day folds the days before
 * today into the totals and removes buckets past the raw-event window. The
 * fold and the new totals are one write; removing folded buckets afterwards
 * is safe to repeat, as folded days are never counted from buckets again.
 */
export async function maintainHistory(now: number): Promise<void> {
  // A start reads three small keys; all of history only on the one start a day that folds it.
  const head = await browser.storage.local.get([TOTALS_KEY, LEGACY_LOG_KEYS.events, LEGACY_LOG_KEYS.totals]);
  // Where the fold stands, without reading every stored day.
  const { through } = readJobHistory(head[TOTALS_KEY]);
  const legacy = Array.isArray(head[LEGACY_LOG_KEYS.events]) || (head[LEGACY_LOG_KEYS.totals] != null && through === undefined);
  if (!legacy && through !== undefined && !needsRollOver({ through }, now)) return;
  const all = await browser.storage.local.get(null);
  const legacyEvents = all[LEGACY_LOG_KEYS.events];
  const legacyTotals = all[LEGACY_LOG_KEYS.totals];
  const totals = parseStoredTotals(all[TOTALS_KEY]);
  const changes: Record<string, unknown> = {};
  const remove: string[] = [];
  if (Array.isArray(legacyEvents) || (legacyTotals != null && totals === undefined)) {
    const parsed = parseEventLog(legacyEvents);
    const migrated = migrateWholeLog(parsed.events, parseDailyTotals(legacyTotals), now);
    for (const [key, bucket] of Object.entries(migrated.buckets)) {
      // Events a job appended while an earlier migration attempt failed stay, after the migrated ones.
      if (!migrated.removeBuckets.includes(key)) changes[key] = [...bucket, ...parseEventLog(all[key]).events];
    }
    changes[TOTALS_KEY] = { ...migrated.totals, dropped: parsed.dropped };
    remove.push(LEGACY_LOG_KEYS.events, LEGACY_LOG_KEYS.totals);
    // Marked done in the same write, so a kill before the removal never migrates twice.
    changes[LEGACY_LOG_KEYS.events] = null;
  } else if (totals === undefined || needsRollOver(totals, now)) {
    const bucketKeys = Object.keys(all).filter((key) => bucketDay(key) !== undefined);
    const earliest = bucketKeys.map((k) => bucketDay(k) ?? '').sort()[0];
    const start = totals ?? { ...emptyTotals(localDayKey(now)), through: earliest ?? localDayKey(now) };
    const today = localDayKey(now);
    const buckets: Record<string, RollCallEvent[]> = {};
    let dropped = 0;
    for (const key of bucketKeys) {
      const parsed = parseEventLog(all[key]);
      buckets[key] = parsed.events;
      // Unreadable entries are counted once: when their day is folded.
      const day = bucketDay(key) ?? '';
      if (day >= start.through && day < today) dropped += parsed.dropped;
    }
    const rolled = rollOver(start, buckets, dropped, now);
    changes[TOTALS_KEY] = rolled.totals;
    remove.push(...rolled.removeBuckets);
  }
  if (Object.keys(changes).length === 0) return;
  await browser.storage.local.set(changes);
  if (remove.length > 0) await browser.storage.local.remove(remove);
}
