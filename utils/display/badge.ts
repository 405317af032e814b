import { ceilMinutes } from '../format';
import { isActive, stepRemainingMs, type RoutineState } from '../routine/timer';
import { nextBreakAt, sittingMs, sittingMode, type SittingView, type SittingSettings } from '../sitting/rules';

/** What the toolbar badge shows; the shell only copies it onto the action. */
export interface Badge {
  text: string;
  color: string;
}

export const BADGE_COLORS = {
  calm: '#0f766e',
  soon: '#b45309',
  due: '#b91c1c',
  paused: '#6b7280',
} as const;

export const PAUSE_SIGN = '❚❚';

/** While a routine runs: the minutes left in its step, or a pause sign. Undefined when no routine is active. */
export function routineBadge(state: RoutineState, now: number): Badge | undefined {
  if (!isActive(state)) return undefined;
  if (state.status === 'paused') return { text: PAUSE_SIGN, color: BADGE_COLORS.paused };
  return { text: String(ceilMinutes(stepRemainingMs(state, now))), color: BADGE_COLORS.calm };
}

/** Below this many minutes to the next break, the badge changes colour. */
export const SOON_MINUTES = 5;

/** While tracking: the minutes until the next break, “!” once it is due, a pause sign while paused. */
export function sittingBadge(state: SittingView, settings: SittingSettings, now: number): Badge {
  const mode = sittingMode(state, { now, settings });
  if (mode === 'paused') return { text: PAUSE_SIGN, color: BADGE_COLORS.paused };
  if (mode !== 'tracking' && mode !== 'away') return { text: '', color: BADGE_COLORS.calm };
  if (state.reminder && state.reminder.snoozedUntil === undefined) return { text: '!', color: BADGE_COLORS.due };
  const breakAt = nextBreakAt(state, settings);
  if (breakAt === undefined) return { text: '', color: BADGE_COLORS.calm };
  // While away the clock stands still, so the minutes left do too.
  const left = state.reminder?.snoozedUntil !== undefined ? breakAt - now : settings.sittingIntervalMin * 60_000 - sittingMs(state, now);
  const minutesLeft = ceilMinutes(left);
  return { text: String(minutesLeft), color: minutesLeft <= SOON_MINUTES ? BADGE_COLORS.soon : BADGE_COLORS.calm };
}
