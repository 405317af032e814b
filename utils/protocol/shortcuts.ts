/**
 * The keyboard shortcuts: manifest `commands`, named as the browser reports
 * them to `commands.onCommand`. Each one becomes one job, and the core
 * decides what it does in the state it finds.
 */
export const SHORTCUTS = {
  /** Starts the break routine, as “Take a break now” does. */
  takeBreak: 'take-break',
  /** Pauses a running routine, or resumes a paused one. */
  pauseResume: 'pause-resume',
  /** Snoozes the reminder that is due. */
  snooze: 'snooze',
  /** Opens the routine timer. */
  openPlayer: 'open-side-panel',
} as const;

export type ShortcutName = (typeof SHORTCUTS)[keyof typeof SHORTCUTS];
