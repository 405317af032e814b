import { useMemo } from 'preact/hooks';
import { localDayKey } from '@/utils/day';
import { parseEventLog } from '@/utils/history/events';
import { bucketKey, emptyTotals, historyTotals } from '@/utils/history/log';
import { parseStoredTotals } from '@/utils/history/schema';
import type { DailyTotals } from '@/utils/history/totals';
import { eventBucketItem, totalsItem } from '@/utils/platform/storage/items';
import { useStorageItem } from './use-storage';

export interface HistoryView {
  totals: DailyTotals;
  /** Stored entries that could not be read and were left out. */
  dropped: number;
}

/**
 * Every day's totals, live: the stored totals of earlier days plus today's
 * events. Two reads, whatever the length of the history. Undefined until both arrive.
 */
export function useHistory(now: number): HistoryView | undefined {
  const today = localDayKey(now);
  const bucketItem = useMemo(() => eventBucketItem(today), [today]);
  const bucket = useStorageItem(bucketItem, parseEventLog);
  const stored = useStorageItem(totalsItem, (raw) => parseStoredTotals(raw) ?? null);
  return useMemo(() => {
    if (!bucket) return undefined;
    // Before the background's first start there are no totals yet: an empty history, not a loading one.
    const totals = stored ?? emptyTotals(today);
    return { totals: historyTotals(totals, { [bucketKey(today)]: bucket.events }), dropped: totals.dropped + bucket.dropped };
  }, [bucket, stored, today]);
}
