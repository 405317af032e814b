import { browser } from 'wxt/browser';
import { routineBadge } from '@/utils/badge';
import type { RoutineState } from '@/utils/routine-timer';

/** Copies what the core says the badge should show onto the toolbar button. */
export async function refreshBadge(routine: RoutineState, now: number): Promise<void> {
  const badge = routineBadge(routine, now) ?? { text: '', color: '#0f766e' };
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
}
