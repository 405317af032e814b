import type { RollCallEvent } from './events';

/** What happened on one local calendar day, read from the event log. */
export interface DayCounts {
  routinesCompleted: number;
  /** Completed routines of the preset the user counts as the daily full routine. */
  fullRoutinesCompleted: number;
}

export function countDay(events: readonly RollCallEvent[], day: string, fullRoutinePresetId: string): DayCounts {
  let routinesCompleted = 0;
  let fullRoutinesCompleted = 0;
  for (const event of events) {
    if (event.day !== day || event.type !== 'routineCompleted') continue;
    routinesCompleted++;
    if (event.presetId === fullRoutinePresetId) fullRoutinesCompleted++;
  }
  return { routinesCompleted, fullRoutinesCompleted };
}
