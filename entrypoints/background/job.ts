import { browser } from 'wxt/browser';
import { localDayKey } from '@/utils/day';
import { BADGE_COLORS, routineBadge, sittingBadge } from '@/utils/display/badge';
import { buildPopupSnapshot } from '@/utils/display/popup-snapshot';
import { parseEventLog, type NewEvent, type RollCallEvent } from '@/utils/history/events';
import { bucketKey, bucketKeysOf, datedEvents, TOTALS_KEY, type StoredTotals } from '@/utils/history/log';
import { appendToHistory, jobHistoryOf, jobHistoryView, readJobHistory } from '@/utils/history/job-history';
import { planUpkeep, replaceHistory, upkeepDue, type HistoryPlan } from '@/utils/history/upkeep';
import { runJob, type JobEffect, type JobInput, type JobResult } from '@/utils/jobs/run';
import { afterIntent, mergeIntents, parseSyncIntent, planSetup, type SetupResult, type StoreInput, type SyncIntent } from '@/utils/jobs/stored';
import type { ReplyErrorKey, Reply, PauseChoice } from '@/utils/protocol/messages';
import { resolvePresets } from '@/utils/routine/presets';
import { parsePresetCustomisations } from '@/utils/routine/presets-schema';
import { IDLE, nextWakeAt, undoStopUntil } from '@/utils/routine/timer';
import { parseRoutineState } from '@/utils/routine/timer-schema';
import type { Settings } from '@/utils/settings/settings';
import { initialSittingState, pauseUntil, plannedAlarms, SITTING_ALARMS } from '@/utils/sitting/rules';
import { parseSittingState } from '@/utils/sitting/schema';
import { LOCAL_KEYS, SYNC_KEYS } from '@/utils/storage-keys';
import { readImportMessage } from '@/utils/jobs/import-message';
import { isBusy, setIdleThreshold } from '@/utils/platform/environment';
import { t } from '@/utils/platform/i18n';
import { setKeepAwake, wantsKeepAwake } from '@/utils/platform/keep-awake';
import { openPopOutWindow } from '@/utils/platform/windows/routine-views';
import { isQuotaError, storageErrorKey } from '@/utils/storage-limits';
import { readStorageFull, writeStorageFull } from '@/utils/platform/storage/session';
import { clearReminder, isReminderOnScreen, openWindowForClosedReminder, showReminder, showTestReminder } from './reminder';
import { performStepCue } from './step-cue';

/**
 * One job of the background, and the only code that writes storage: read
 * what the job needs once, run the pure core (the settings and history steps,
 * then the routine and the sitting clock), write every changed local key in
 * ONE `storage.local.set`, then carry out the effects: the `storage.sync`
 * write the job decided (stored as an intent in that same local write, so a
 * worker killed before it is finished by the next job), removals of keys
 * already emptied, alarms, badge, notifications and windows. A worker killed
 * anywhere in here leaves either the old state or the new one, never half of
 * each; the next start heals from whichever it finds.
 */

export const STEP_ALARM = 'routine-step';
export const SITTING_ALARM_NAMES: readonly string[] = Object.values(SITTING_ALARMS);

/** Whatever a job can be asked to do: the core's inputs, the settings' changes, and the few the shell translates. */
export type BackgroundInput =
  | JobInput
  | StoreInput
  | { type: 'import'; bundle: unknown }
  | { type: 'reset' }
  /** A pause of reminders, by the user's choice; its end depends on the settings in effect. */
  | { type: 'pause'; choice: PauseChoice }
  | { type: 'testReminder' };

/** An input, or a way to make one once the settings are known (the refresh asks the idle state at the user's threshold). */
export type JobRequest = BackgroundInput | ((settings: Settings) => Promise<BackgroundInput>);

const STORE_INPUTS: ReadonlySet<string> = new Set(['patch', 'presets', 'remindHere', 'policy', 'settingsSynced', 'importSettings', 'resetSettings']);
const isStoreInput = (input: BackgroundInput): input is StoreInput => STORE_INPUTS.has(input.type);

const SMALL_READ = [
  LOCAL_KEYS.sitting,
  LOCAL_KEYS.routine,
  LOCAL_KEYS.popup,
  LOCAL_KEYS.remindHere,
  LOCAL_KEYS.deviceId,
  LOCAL_KEYS.totals,
  LOCAL_KEYS.policy,
  LOCAL_KEYS.onboarded,
  LOCAL_KEYS.pendingSync,
  LOCAL_KEYS.legacyTotals,
];

/**
 * The job's read. Most jobs read a handful of keys; the first job of a day
 * (which folds yesterday), an import and a reset read all of local storage.
 * An older version's whole log is only looked for by its small companion key.
 */
async function readForJob(
  now: number,
  wants: { allLocal: boolean; allSync: boolean },
): Promise<{ local: Record<string, unknown>; sync: Record<string, unknown> }> {
  const today = bucketKey(localDayKey(now));
  const [head, sync] = await Promise.all([
    browser.storage.local.get(wants.allLocal ? null : [...SMALL_READ, today, LOCAL_KEYS.legacyEvents]),
    // A change to sync is checked against all of sync's 100 KB (at most that much to read).
    browser.storage.sync.get(wants.allSync ? null : [SYNC_KEYS.settings, SYNC_KEYS.settingsMeta, SYNC_KEYS.presets]),
  ]);
  const local = !wants.allLocal && upkeepDue(head, now) ? await browser.storage.local.get(null) : head;
  return { local, sync };
}

/** The buckets the new events go into, as stored or as this job already changed them. */
async function bucketsFor(
  events: readonly RollCallEvent[],
  local: Record<string, unknown>,
  changes: Record<string, unknown>,
): Promise<Record<string, RollCallEvent[]>> {
  const keys = bucketKeysOf(events);
  const missing = keys.filter((key) => !(key in local) && !(key in changes));
  const more = missing.length > 0 ? await browser.storage.local.get(missing) : {};
  return Object.fromEntries(keys.map((key) => [key, parseEventLog(changes[key] ?? local[key] ?? more[key]).events]));
}

export interface JobOutcome {
  reply: Reply;
  result: JobResult;
  written: boolean;
}

const refused = (error: ReplyErrorKey, state: JobResult['state']): JobOutcome => ({
  reply: { ok: false, error },
  result: { state, events: [], effects: [], reply: { ok: false, error } },
  written: false,
});

/** Runs one job to the end. Callers run it inside the background's serial queue. */
export async function runBackgroundJob(request: JobRequest, now: number, sender: { windowId?: number } = {}): Promise<JobOutcome> {
  const early = typeof request === 'function' ? undefined : request;
  const replacesHistory = early?.type === 'import' || early?.type === 'reset';
  const { local, sync } = await readForJob(now, { allLocal: replacesHistory, allSync: replacesHistory || (early !== undefined && isStoreInput(early)) });
  const today = localDayKey(now);

  // What the user and the organisation set, with any sync write a killed job left to finish.
  const pending = parseSyncIntent(local[LOCAL_KEYS.pendingSync]);
  const synced = afterIntent(sync, pending);
  const stored = {
    sync: synced,
    settings: synced[SYNC_KEYS.settings] ?? null,
    settingsMeta: synced[SYNC_KEYS.settingsMeta],
    presets: synced[SYNC_KEYS.presets],
    remindHere: local[LOCAL_KEYS.remindHere],
    policy: local[LOCAL_KEYS.policy],
  };
  const input = typeof request === 'function' ? await request(planSetup(stored, undefined).settings.settings) : request;

  const routine = parseRoutineState(local[LOCAL_KEYS.routine]);
  const sitting = parseSittingState(local[LOCAL_KEYS.sitting], now);
  let state = { sitting: sitting.state, routine: routine.state };

  // The history this job replaces (an import, a reset) or keeps up (the daily fold).
  let historyPlan: HistoryPlan | undefined;
  let storeInput: StoreInput | undefined = isStoreInput(input) ? input : undefined;
  if (input.type === 'import') {
    // The page checked the file whole; a message may come from anywhere, so each part is read as the key it replaces.
    const checked = readImportMessage(input.bundle);
    if (!checked.ok) return refused(checked.error, state);
    historyPlan = replaceHistory(local, checked.value.events, checked.value.dailyTotals, now);
    storeInput = { type: 'importSettings', settings: checked.value.settings, presets: checked.value.presets };
  } else if (input.type === 'reset') {
    historyPlan = replaceHistory(local, [], {}, now);
    storeInput = { type: 'resetSettings' };
    state = { sitting: initialSittingState(now), routine: IDLE };
  } else {
    historyPlan = planUpkeep(local, now);
  }
  const setup = planSetup(stored, storeInput);
  if (setup.refused) return refused(setup.refused, state);
  const { settings } = setup.settings;

  const storedPresets = parsePresetCustomisations(setup.presets);
  const presets = resolvePresets(storedPresets.customisations);
  const storedId = local[LOCAL_KEYS.deviceId];
  // Made once, and made again if lost, in this job's one write.
  const deviceId = typeof storedId === 'string' && storedId !== '' ? storedId : crypto.randomUUID();
  const coreInput = toCoreInput(input, settings, now);
  const ctx = { now, settings, presets, busy: false, deviceId };
  let result = runJob(state, coreInput, ctx);
  // Only ask whether the user is busy when it matters: a reminder is about to show.
  if (settings.quietWhileBusy && result.effects.some((e) => e.type === 'showReminder') && (await isBusy())) {
    result = runJob(state, coreInput, { ...ctx, busy: true });
  }
  const damage: NewEvent[] = [];
  if (routine.invalid || sitting.invalid) damage.push({ type: 'repaired', at: now, invariant: 'damagedState' });
  const events = datedEvents([...damage, ...result.events]);

  const changes: Record<string, unknown> = { ...historyPlan?.changes, ...setup.local, [LOCAL_KEYS.sitting]: result.state.sitting };
  if (deviceId !== storedId) changes[LOCAL_KEYS.deviceId] = deviceId;
  if (result.state.routine !== routine.state || routine.invalid || input.type === 'reset') changes[LOCAL_KEYS.routine] = result.state.routine;
  const firstStart = input.type === 'start' && local[LOCAL_KEYS.onboarded] !== true;
  if (firstStart) changes[LOCAL_KEYS.onboarded] = true;
  const intent = mergeIntents(pending, setup.sync);
  if (intent) changes[LOCAL_KEYS.pendingSync] = intent;

  // Where the fold stands and the kept streak; the days themselves are read only when this job needs them.
  let history = TOTALS_KEY in changes ? jobHistoryOf(changes[TOTALS_KEY] as StoredTotals) : readJobHistory(local[TOTALS_KEY]);
  if (events.length > 0) {
    const append = appendToHistory(await bucketsFor(events, local, changes), events, history, today);
    Object.assign(changes, append.buckets);
    if (append.totals) history = jobHistoryOf((changes[TOTALS_KEY] = append.totals));
  }
  const todayKey = bucketKey(today);
  const todayBucket = parseEventLog(changes[todayKey] ?? local[todayKey]).events;
  const historyView = jobHistoryView(history, todayBucket, today, settings);
  // A streak counted afresh (after a fold, a change of goal) is kept with the totals, in this same write.
  if (historyView.store) changes[TOTALS_KEY] = historyView.store;
  // The job's own setup's routines were read above; only an undone edit's need reading again.
  const snapshotWith = (
    setupUsed: SetupResult,
    customisations = parsePresetCustomisations(setupUsed.presets),
    presetsUsed = resolvePresets(customisations.customisations),
  ) =>
    buildPopupSnapshot({
      routine: result.state.routine,
      sitting: result.state.sitting,
      settings: setupUsed.settings.settings,
      invalidSettingsFields: setupUsed.settings.invalidFields,
      presets: presetsUsed,
      presetsInvalid: customisations.invalid,
      totals: historyView.totals,
      streak: historyView.streak,
      today,
      remindHere: setupUsed.remindHere,
    });
  const snapshot = snapshotWith(setup, storedPresets, presets);
  changes[LOCAL_KEYS.popup] = snapshot;
  // A key stored as it already is needs no write: a job that changes nothing writes nothing.
  const toWrite = Object.fromEntries(Object.entries(changes).filter(([key, value]) => !(key in local) || JSON.stringify(value) !== JSON.stringify(local[key])));

  const written = await writeAll(toWrite);
  let reply: Reply = written ? result.reply : { ok: false, error: 'error_storage_quota' };
  let settingsInEffect = setup;
  if (written && intent) {
    const refusedBySync = await finishSync(intent);
    if (refusedBySync && isEdit(input)) {
      // An edit on a page the user is looking at is undone and named, so the page and the settings in effect agree.
      settingsInEffect = planSetup(stored, undefined);
      await undoEdit(pending, snapshotWith(settingsInEffect));
      reply = { ok: false, error: refusedBySync };
    }
    // Anything else is kept, in effect here, and its sync write is tried again by the next job.
  }
  if (written) {
    // Keys this job emptied, or folded away; a bucket this job wrote events into stays.
    const remove = (historyPlan?.remove ?? []).filter((key) => !(Array.isArray(changes[key]) && changes[key].length > 0));
    if (remove.length > 0) await browser.storage.local.remove(remove).catch(logEffectFailure);
  }
  const { settings: effective } = settingsInEffect.settings;
  const remindHere = settingsInEffect.remindHere;
  // A due reminder is shown even when the write failed: reminding never depends on room in storage.
  for (const effect of result.effects) {
    // Unstored, the same reminder comes due again at the next refresh: show it only if it is not on screen already.
    const repeat = !written && effect.type === 'showReminder' && (await isReminderOnScreen(effect.reminderId));
    if ((written || effect.type === 'showReminder') && !repeat)
      await carryOut(effect, { settings: effective, remindHere, senderWindowId: sender.windowId }).catch(logEffectFailure);
  }
  const kept = written ? result.state : state;
  if (input.type === 'start' || storeInput !== undefined) setIdleThreshold(effective.breakThresholdMin);
  await reconcileAlarms(kept, { now, settings: effective });
  await showBadge(kept, effective, now, remindHere);
  setKeepAwake(wantsKeepAwake(kept.routine, effective));
  if (input.type === 'testReminder') await showTestReminder(effective).catch(logEffectFailure);
  if (firstStart && written) await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(logEffectFailure);
  return { reply, result, written };
}

/** The core's input for a job's input: a settings change is news for the sitting clock, and a pause needs the settings in effect. */
function toCoreInput(input: BackgroundInput, settings: Settings, now: number): JobInput {
  if (input.type === 'pause') return { type: 'sitting', input: { type: 'pause', until: pauseUntil(input.choice, now, settings) } };
  // Nothing to change: the job only brings the state up to now.
  if (input.type === 'testReminder') return { type: 'stepAlarm' };
  if (input.type === 'import' || input.type === 'reset' || isStoreInput(input)) return { type: 'sitting', input: { type: 'settingsChanged' } };
  return input;
}

/**
 * Carries out a stored sync intent, then clears it. Setting and removing the
 * same values again is harmless, so a kill anywhere in here is healed by the
 * next job doing it again. What could never fit was refused before the job
 * wrote anything (utils/jobs/stored.ts), so a refusal here is the browser's
 * rate limit, and the intent waits for the next job.
 */
async function finishSync(intent: SyncIntent): Promise<ReplyErrorKey | undefined> {
  try {
    if (intent.remove.length > 0) await browser.storage.sync.remove(intent.remove);
    if (Object.keys(intent.set).length > 0) await browser.storage.sync.set(intent.set);
  } catch (error) {
    console.warn('Roll Call: a sync write was refused for now', error);
    return storageErrorKey(error, 'sync', intent.set);
  }
  await browser.storage.local.remove(LOCAL_KEYS.pendingSync).catch(logEffectFailure);
  return undefined;
}

/** Edits made on a page, whose refusal the page shows. */
const isEdit = (input: BackgroundInput) => input.type === 'patch' || input.type === 'presets';

/** Puts back what an edit's job wrote: the intent as it was before, and the popup's snapshot with the old settings. */
async function undoEdit(pendingBefore: SyncIntent | undefined, snapshot: unknown): Promise<void> {
  await browser.storage.local.set({ [LOCAL_KEYS.popup]: snapshot, ...(pendingBefore ? { [LOCAL_KEYS.pendingSync]: pendingBefore } : {}) });
  if (!pendingBefore) await browser.storage.local.remove(LOCAL_KEYS.pendingSync);
}

/** The one write of a job. On a full storage it notes that in `storage.session`, which has room of its own. */
async function writeAll(changes: Record<string, unknown>): Promise<boolean> {
  if (Object.keys(changes).length === 0) return true;
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
  settings: Settings;
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
    case 'openReminderWindow':
      await openWindowForClosedReminder(effect.reminderId);
      return;
    case 'shareBreak':
      // Each record replaces the last; a kill before it only means the other devices miss this one break.
      return browser.storage.sync.set({ [SYNC_KEYS.sharedBreak]: effect.record });
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

async function showBadge(state: JobResult['state'], settings: Settings, now: number, remindHere: boolean): Promise<void> {
  const badge =
    routineBadge(state.routine, now) ?? (remindHere ? sittingBadge(state.sitting, settings, now) : { text: t('badge_off'), color: BADGE_COLORS.paused });
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
}
