import { browser } from 'wxt/browser';
import { localDayKey } from '@/utils/day';
import { routineBadge, sittingBadge } from '@/utils/display/badge';
import { dailyTotals } from '@/utils/history/totals';
import { resolvePresets } from '@/utils/routine/presets';
import { buildPopupSnapshot } from '@/utils/display/popup-snapshot';
import {
  popupSnapshotItem,
  readDailyTotals,
  readEventLog,
  readPresetCustomisations,
  readRoutineState,
  readSettings,
  readSittingState,
} from '@/utils/platform/storage';

/**
 * Brings what the user sees up to date after any change: the toolbar badge
 * (the routine's first, else sitting's) and the popup's snapshot, both from
 * one read of the stored state. The snapshot is written only when it changed.
 */
export async function refreshViews(now: number): Promise<void> {
  const [{ state: routine }, { state: sitting }, parsedSettings, parsedPresets, { events }, compacted, storedSnapshot] = await Promise.all([
    readRoutineState(),
    readSittingState(now),
    readSettings(),
    readPresetCustomisations(),
    readEventLog(),
    readDailyTotals(),
    popupSnapshotItem.getValue(),
  ]);
  const { settings } = parsedSettings;
  const badge = routineBadge(routine, now) ?? sittingBadge(sitting, settings, now);
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  const snapshot = buildPopupSnapshot({
    routine,
    sitting,
    settings,
    invalidSettingsFields: parsedSettings.invalidFields,
    presets: resolvePresets(parsedPresets.customisations),
    presetsInvalid: parsedPresets.invalid,
    totals: dailyTotals(events, compacted),
    today: localDayKey(now),
  });
  // The minute refresh and a handler's second refresh mostly find nothing new; an unchanged snapshot is not written again.
  if (JSON.stringify(snapshot) !== JSON.stringify(storedSnapshot)) await popupSnapshotItem.setValue(snapshot);
}
