import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import { DATA_REQUEST_SCHEMA } from '@/utils/protocol/command-schemas';
import type { CommandReply } from '@/utils/protocol/commands';
import { validateImport } from '@/utils/transfer/import-export';
import { IDLE } from '@/utils/routine/timer';
import { initialSittingState } from '@/utils/sitting/rules';
import { dailyTotalsItem, eventLogItem, isQuotaError, presetsItem, remindHereItem, routineItem, settingsItem, sittingItem } from '@/utils/platform/storage';
import { STEP_ALARM } from './routine';
import { handleSittingInput } from './sitting';

/**
 * Import and reset: the only writes that replace history, so the background
 * (the event log's one writer) makes them, after checking the data again.
 */

export async function handleDataRequest(raw: unknown, now: number): Promise<CommandReply> {
  const parsed = v.safeParse(DATA_REQUEST_SCHEMA, raw);
  if (!parsed.success) return { ok: false, error: 'error_bad_command' };
  try {
    if (parsed.output.type === 'import') {
      const result = validateImport(parsed.output.bundle);
      if (!result.ok) return { ok: false, error: 'error_import_invalid' };
      const { settings, presets, events, dailyTotals } = result.bundle;
      // Settings and routines first: if sync refuses them, the history here is still untouched.
      await storage.setItems([
        { item: settingsItem, value: settings },
        { item: presetsItem, value: presets },
      ]);
      await storage.setItems([
        { item: eventLogItem, value: events },
        { item: dailyTotalsItem, value: dailyTotals },
      ]);
    } else {
      await storage.removeItems([settingsItem, presetsItem]);
      await storage.removeItems([eventLogItem, dailyTotalsItem, remindHereItem]);
      await routineItem.setValue(IDLE);
      await browser.alarms.clear(STEP_ALARM);
      await sittingItem.setValue(initialSittingState(now));
    }
  } catch (error) {
    return { ok: false, error: isQuotaError(error) ? 'error_storage_quota' : 'error_bad_command' };
  }
  await handleSittingInput({ type: 'settingsChanged' }, now);
  return { ok: true };
}
