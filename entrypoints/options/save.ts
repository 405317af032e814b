import { applySettingsPatch, parseSettings, settingsToStore, validateSettings, type Settings } from '@/utils/settings/settings';
import { isQuotaError, presetsItem, settingsItem } from '@/utils/platform/storage';
import type { PresetCustomisations } from '@/utils/routine/presets';
import type { MessageKey } from '@/utils/platform/i18n';

/** What a save did, for the page's status line. */
export type SaveOutcome = { ok: true } | { ok: false; error: MessageKey };

/** sync allows 8 KB per item; checked before writing so the user gets a clear message, not a lost write. */
const SYNC_ITEM_LIMIT = 8192;

function describeWriteError(error: unknown): MessageKey {
  return isQuotaError(error) ? 'error_storage_quota' : 'error_save_failed';
}

/**
 * Saves a change to the settings: reads what is stored now (so a newer
 * version's fields survive), applies the change, checks the whole result
 * and writes it only if every field is valid.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<SaveOutcome> {
  const stored = parseSettings(await settingsItem.getValue());
  const next = applySettingsPatch(stored.settings, patch);
  if (validateSettings(next).length > 0) return { ok: false, error: 'error_not_saved' };
  try {
    await settingsItem.setValue(settingsToStore(stored, next));
    return { ok: true };
  } catch (error) {
    return { ok: false, error: describeWriteError(error) };
  }
}

export async function savePresets(customisations: PresetCustomisations): Promise<SaveOutcome> {
  if (new TextEncoder().encode(JSON.stringify({ presets: customisations })).length > SYNC_ITEM_LIMIT) {
    return { ok: false, error: 'error_storage_quota' };
  }
  try {
    await presetsItem.setValue(customisations);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: describeWriteError(error) };
  }
}
