import { ceilMinutes } from './format';
import { isActive, stepRemainingMs, type RoutineState } from './routine-timer';

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
