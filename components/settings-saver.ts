import type { Reply } from '@/utils/protocol/messages';
import type { Settings } from '@/utils/settings/settings';

/**
 * Coalesces the options page's changes to settings into few commands, so a
 * slider moved with the keyboard, or many fields changed fast, never come
 * near `storage.sync`'s 120 writes a minute. Changes made within `delayMs`
 * of each other, or while a save is under way, go in one patch. The page
 * shows the values being saved on top of the stored ones, and drops them
 * if the save fails, so it never shows a value that was not stored.
 */

export type SaverStatus = { type: 'idle' } | { type: 'saving' } | { type: 'saved' } | { type: 'failed'; error: Extract<Reply, { ok: false }>['error'] };

export interface SaverState {
  /** Values on their way to storage: shown, not yet stored. */
  unsaved: Partial<Settings>;
  status: SaverStatus;
}

export interface SettingsSaver {
  save(patch: Partial<Settings>): void;
  /** Sends what is waiting now, without waiting for the delay (when the page is hidden, say). */
  flush(): Promise<void>;
}

export const SAVE_DELAY_MS = 400;

export function createSettingsSaver(
  send: (patch: Partial<Settings>) => Promise<Reply>,
  onChange: (state: SaverState) => void,
  delayMs = SAVE_DELAY_MS,
): SettingsSaver {
  let waiting: Partial<Settings> = {};
  let inFlight: Partial<Settings> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let status: SaverStatus = { type: 'idle' };

  const publish = () => onChange({ unsaved: { ...inFlight, ...waiting }, status });

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (inFlight || Object.keys(waiting).length === 0) return;
    inFlight = waiting;
    waiting = {};
    status = { type: 'saving' };
    publish();
    const reply = await send(inFlight).catch((): Reply => ({ ok: false, error: 'error_save_failed' }));
    inFlight = undefined;
    status = reply.ok ? { type: 'saved' } : { type: 'failed', error: reply.error };
    publish();
    // Changes made meanwhile go in the next patch, after the same pause.
    if (Object.keys(waiting).length > 0) schedule();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  }

  return {
    save(patch) {
      waiting = { ...waiting, ...patch };
      status = { type: 'saving' };
      publish();
      if (!inFlight) schedule();
    },
    flush,
  };
}
