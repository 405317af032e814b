import { appendEvents, type NewEvent } from '@/utils/history/events';
import { storage } from '@wxt-dev/storage';
import { compact } from '@/utils/history/totals';
import { dailyTotalsItem, eventLogItem, readDailyTotals, readEventLog } from '@/utils/platform/storage';

/** The one place that writes the event log. Callers run inside the background's serial queue. */
export async function appendToEventLog(events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const { events: log } = await readEventLog();
  await eventLogItem.setValue(appendEvents(log, events));
}

/** Moves events older than 30 days into daily totals; run on a background wake, never on a page's start-up path. */
export async function compactEventLog(now: number): Promise<void> {
  const [{ events }, compacted] = await Promise.all([readEventLog(), readDailyTotals()]);
  const result = compact(events, compacted, now);
  if (!result.changed) return;
  // One write for both, so no event is ever both in the totals and in the log, or in neither.
  await storage.setItems([
    { item: dailyTotalsItem, value: result.compacted },
    { item: eventLogItem, value: result.events },
  ]);
}
