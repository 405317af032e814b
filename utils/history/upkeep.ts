import { localDayKey } from '../day';
import { LOCAL_KEYS } from '../storage-keys';
import { parseEventLog, type RollCallEvent } from './events';
import { appendToLog, bucketDay, emptyTotals, migrateWholeLog, needsRollOver, rollOver, TOTALS_KEY, type StoredTotals } from './log';
import { readJobHistory } from './job-history';
import { parseDailyTotals, parseStoredTotals } from './schema';
import { dailyTotals } from './totals';

/**
 * The history's upkeep and replacement, as pure steps of a job: each returns
 * the keys to write in the job's one `storage.local.set`, and the keys to
 * remove after it. Removing afterwards is safe to repeat and safe to miss:
 * a folded day is never counted from its bucket again, and an emptied bucket
 * counts nothing.
 */

export interface HistoryPlan {
  changes: Record<string, unknown>;
  remove: string[];
}

/** Whether a job must read all of local storage for the upkeep: no totals yet, an older version's log, or a new day to fold. */
export function upkeepDue(head: Record<string, unknown>, now: number): boolean {
  // Where the fold stands, without reading every stored day.
  const { through } = readJobHistory(head[TOTALS_KEY]);
  return through === undefined || hasLegacyLog(head, through) || needsRollOver({ through }, now);
}

function hasLegacyLog(all: Record<string, unknown>, through: string | undefined): boolean {
  return Array.isArray(all[LOCAL_KEYS.legacyEvents]) || (all[LOCAL_KEYS.legacyTotals] != null && through === undefined);
}

/**
 * Moves an older version's single log into day buckets, or once a day folds
 * the days before today into the totals and drops buckets past the raw-event
 * window. `all` is every stored local key. Nothing due: undefined.
 */
export function planUpkeep(all: Record<string, unknown>, now: number): HistoryPlan | undefined {
  const totals = parseStoredTotals(all[TOTALS_KEY]);
  const today = localDayKey(now);
  if (hasLegacyLog(all, totals?.through)) {
    const parsed = parseEventLog(all[LOCAL_KEYS.legacyEvents]);
    const migrated = migrateWholeLog(parsed.events, parseDailyTotals(all[LOCAL_KEYS.legacyTotals]), now);
    const changes: Record<string, unknown> = {};
    for (const [key, bucket] of Object.entries(migrated.buckets)) {
      // Events appended while an earlier attempt failed stay, after the migrated ones.
      if (!migrated.removeBuckets.includes(key)) changes[key] = [...bucket, ...parseEventLog(all[key]).events];
    }
    changes[TOTALS_KEY] = { ...migrated.totals, dropped: parsed.dropped };
    // Marked done in the same write, so a kill before the removal never migrates twice.
    changes[LOCAL_KEYS.legacyEvents] = null;
    return { changes, remove: [LOCAL_KEYS.legacyEvents, LOCAL_KEYS.legacyTotals] };
  }
  if (totals !== undefined && !needsRollOver(totals, now)) return undefined;
  const bucketKeys = Object.keys(all).filter((key) => bucketDay(key) !== undefined);
  const earliest = bucketKeys.map((key) => bucketDay(key) ?? '').sort()[0];
  const start = totals ?? { ...emptyTotals(today), through: earliest ?? today };
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
  return { changes: { [TOTALS_KEY]: rolled.totals }, remove: rolled.removeBuckets };
}

/**
 * Every stored history key set to what replaces it (an import's events and
 * totals, or nothing at a reset): buckets not in the new history become
 * empty in the same write, and are removed after it.
 */
export function replaceHistory(
  all: Record<string, unknown>,
  events: readonly RollCallEvent[],
  importedTotals: Parameters<typeof dailyTotals>[1],
  now: number,
): HistoryPlan {
  const today = localDayKey(now);
  const { buckets } = appendToLog({}, events, emptyTotals('0000-00-00'));
  const totals: StoredTotals = {
    through: today,
    days: dailyTotals(
      events.filter((e) => e.day < today),
      importedTotals,
    ),
    dropped: 0,
  };
  const changes: Record<string, unknown> = { [TOTALS_KEY]: totals };
  const remove: string[] = [];
  // An older version's log not yet moved would otherwise be merged into the new history later.
  for (const key of [LOCAL_KEYS.legacyEvents, LOCAL_KEYS.legacyTotals]) if (key in all) remove.push(key);
  for (const key of Object.keys(all)) {
    if (bucketDay(key) === undefined || key in buckets) continue;
    changes[key] = [];
    remove.push(key);
  }
  return { changes: Object.assign(changes, buckets), remove };
}
