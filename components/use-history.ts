import { useMemo } from 'preact/hooks';
import { parseEventLog } from '@/utils/history/events';
import { dailyTotals, type DailyTotals } from '@/utils/history/totals';
import { parseDailyTotals } from '@/utils/history/schema';
import { dailyTotalsItem, eventLogItem } from '@/utils/platform/storage';
import { useStorageItem } from './use-storage';

/** Every day's totals, live: the compacted past plus the raw event log. Undefined until both are read. */
export function useDailyTotals(): DailyTotals | undefined {
  const log = useStorageItem(eventLogItem, parseEventLog);
  const compacted = useStorageItem(dailyTotalsItem, parseDailyTotals);
  return useMemo(() => (log && compacted ? dailyTotals(log.events, compacted) : undefined), [log, compacted]);
}
