import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPopupSnapshot, type SnapshotInputs } from '@/utils/display/popup-snapshot';
import { IDLE } from '@/utils/routine/timer';
import { EMPTY_CUSTOMISATIONS, resolvePresets } from '@/utils/routine/presets';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { localDayKey } from '@/utils/day';

/** Writes the popup's snapshot as the background would, from defaults plus the given parts. */
export async function seedSnapshot(parts: Partial<SnapshotInputs> = {}, now = Date.now()) {
  const snapshot = buildPopupSnapshot({
    routine: IDLE,
    sitting: { sittingSince: now, lastSeenAt: now },
    settings: { ...DEFAULT_SETTINGS },
    invalidSettingsFields: [],
    presets: resolvePresets(EMPTY_CUSTOMISATIONS),
    presetsInvalid: false,
    totals: {},
    today: localDayKey(now),
    remindHere: true,
    ...parts,
  });
  await fakeBrowser.storage.local.set({ popup: snapshot });
  return snapshot;
}
