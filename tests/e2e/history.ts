/**
 * History as the extension stores it (utils/history/log.ts: one `events:DAY`
 * key per local day), for tests to seed and read. Both functions run inside
 * the extension (passed to `inWorker` or a page's `evaluate`), so they must
 * stay self-contained.
 */

export type StoredEvent = { type: string; day: string } & Record<string, unknown>;

/** Every stored event, oldest day first. */
export async function storedEvents(): Promise<StoredEvent[]> {
  const all = await chrome.storage.local.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith('events:'))
    .sort()
    .flatMap((key) => all[key] as StoredEvent[]);
}

/** Writes events into their days' buckets, as the background would have appended them. */
export async function storeEvents(events: StoredEvent[]): Promise<void> {
  const buckets: Record<string, StoredEvent[]> = {};
  for (const event of events) (buckets[`events:${event.day}`] ??= []).push(event);
  await chrome.storage.local.set(buckets);
}
