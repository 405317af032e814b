import { browser } from 'wxt/browser';
import { routineBadge, sittingBadge } from '@/utils/badge';
import { readRoutineState, readSettings, readSittingState } from '@/utils/storage';

/** Copies what the core says the badge should show onto the toolbar button: the routine first, else sitting. */
export async function refreshBadge(now: number): Promise<void> {
  const [{ state: routine }, { state: sitting }, { settings }] = await Promise.all([
    readRoutineState(),
    readSittingState(now),
    readSettings(),
  ]);
  const badge = routineBadge(routine, now) ?? sittingBadge(sitting, settings, now);
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
}
