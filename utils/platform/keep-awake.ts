import type { RoutineState } from '../routine/timer';
import type { Settings } from '../settings/settings';

/**
 * Keeps the display on while a routine runs, so the timer stays in sight
 * from the floor. Chrome has `power`; Firefox has no such API, so its build
 * carries none of this. Set from the stored state after every job, so a
 * killed worker never leaves the screen held on, or a running routine without it.
 */

interface PowerApi {
  requestKeepAwake(level: 'display'): void;
  releaseKeepAwake(): void;
}

/** A running routine keeps the display awake; a paused or ended one lets it sleep. */
export function wantsKeepAwake(routine: RoutineState, settings: Pick<Settings, 'keepAwake'>): boolean {
  return settings.keepAwake && routine.status === 'running';
}

/** Whether this browser can keep the display awake at all; the settings page hides the switch where not. */
export function canKeepAwake(): boolean {
  return import.meta.env.BROWSER !== 'firefox' && powerApi() !== undefined;
}

function powerApi(): PowerApi | undefined {
  return (globalThis as { chrome?: { power?: PowerApi } }).chrome?.power;
}

export function setKeepAwake(on: boolean): void {
  if (import.meta.env.BROWSER === 'firefox') return;
  const power = powerApi();
  if (on) power?.requestKeepAwake('display');
  else power?.releaseKeepAwake();
}
