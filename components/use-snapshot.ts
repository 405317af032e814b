import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Storage } from 'webextension-polyfill';
import { isPopupSnapshot, type PopupSnapshot } from '@/utils/display/popup-snapshot';
import { sendRequest } from '@/utils/platform/messaging/send';
import { POPUP_KEY } from '@/utils/storage-keys';

const SNAPSHOT_KEY = POPUP_KEY;

/** The stored snapshot as it is read and then changed; `deliver` is set once a view listens. */
interface SnapshotFeed {
  latest?: { raw: unknown };
  deliver?: (raw: unknown) => void;
  /** Settles once the first value has arrived, or the read failed. */
  ready: Promise<void>;
  close(): void;
}

function openSnapshotFeed(): SnapshotFeed {
  let changedSinceRead = false;
  const receive = (raw: unknown) => {
    feed.latest = { raw };
    feed.deliver?.(raw);
  };
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(SNAPSHOT_KEY in changes)) return;
    changedSinceRead = true;
    receive(changes[SNAPSHOT_KEY].newValue);
  };
  // Listening starts before the read, so a write in between is never missed, and a read older than it never wins.
  browser.storage.onChanged.addListener(onChanged);
  const ready = browser.storage.local.get(SNAPSHOT_KEY).then(
    (stored) => {
      if (!changedSinceRead) receive(stored[SNAPSHOT_KEY]);
    },
    () => undefined,
  );
  const feed: SnapshotFeed = { ready, close: () => browser.storage.onChanged.removeListener(onChanged) };
  return feed;
}

let earlyFeed: SnapshotFeed | undefined;

/**
 * Starts the popup's one storage read before anything renders, and settles
 * when it is in, so the first render already shows the real state: no empty
 * frame, no second render, no wait for an effect (which runs after a paint).
 */
export function readPopupSnapshotEarly(): Promise<void> {
  earlyFeed ??= openSnapshotFeed();
  return earlyFeed.ready;
}

function snapshotOrUndefined(raw: unknown): PopupSnapshot | undefined {
  return isPopupSnapshot(raw) ? raw : undefined;
}

/** What the early read found, once it has settled: the view it opens on decides what must load before the first paint. */
export function earlyPopupSnapshot(): PopupSnapshot | undefined {
  return snapshotOrUndefined(earlyFeed?.latest?.raw);
}

/**
 * The popup's view of everything, from one storage read, kept live as the
 * background rewrites it. A missing or foreign snapshot makes the background
 * build a fresh one, which then arrives through the same listener.
 */
export function usePopupSnapshot(): PopupSnapshot | undefined {
  const [snapshot, setSnapshot] = useState(() => snapshotOrUndefined(earlyFeed?.latest?.raw));
  useEffect(() => {
    const feed = earlyFeed ?? openSnapshotFeed();
    earlyFeed = undefined;
    let live = true;
    const accept = (raw: unknown) => {
      if (!live) return;
      if (isPopupSnapshot(raw)) setSnapshot(raw);
      else void sendRequest('refresh', undefined);
    };
    feed.deliver = accept;
    if (feed.latest) accept(feed.latest.raw);
    return () => {
      live = false;
      feed.close();
    };
  }, []);
  return snapshot;
}
