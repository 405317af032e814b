import { appendEvents, type NewEvent } from '@/utils/events';
import { eventLogItem, readEventLog } from '@/utils/storage';

/** The one place that writes the event log. Callers run inside the background's serial queue. */
export async function appendToEventLog(events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const { events: log } = await readEventLog();
  await eventLogItem.setValue(appendEvents(log, events));
}
