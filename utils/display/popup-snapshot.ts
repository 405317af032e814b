import type { DailyTotals, Streak } from '../history/totals';
import { currentStreak, todaySummary } from '../history/totals';
import type { Preset } from '../routine/presets';
import type { RoutineState } from '../routine/timer';
import type { Settings, SettingsField } from '../settings/settings';
import type { SittingState, SittingView } from '../sitting/rules';

/**
 * Everything the popup shows, in one `local:` item that only the background
 * writes, from values it has already validated. The popup paints from a
 * single read, and carries no schema library of its own.
 */

/**
 * 2: the routine in it has every field the timer keeps (a routine stored by an
 * older version gets them when the background reads it), which a version-1
 * snapshot may lack; the popup asks for a new snapshot instead of painting one.
 */
export const SNAPSHOT_VERSION = 2;

export interface TodayProgress {
  day: string;
  routinesCompleted: number;
  fullRoutines: number;
  breaksTaken: number;
  longestSittingMs: number;
  streakDays: number;
  forgivenDays: number;
}

export interface PopupSnapshot {
  v: typeof SNAPSHOT_VERSION;
  routine: RoutineState;
  sitting: SittingView;
  settings: Settings;
  presets: Preset[];
  today: TodayProgress;
  notices: { settingsFields: SettingsField[]; presetsInvalid: boolean };
  /** "Remind on this browser". */
  remindHere: boolean;
}

export interface SnapshotInputs {
  routine: RoutineState;
  sitting: SittingState;
  settings: Settings;
  invalidSettingsFields: SettingsField[];
  presets: Preset[];
  presetsInvalid: boolean;
  totals: DailyTotals;
  today: string;
  remindHere: boolean;
  /** The streak when the caller has it already (the background keeps it with the totals); otherwise counted from `totals`. */
  streak?: Streak;
}

export function buildPopupSnapshot(input: SnapshotInputs): PopupSnapshot {
  const { settings, totals, today } = input;
  const summary = todaySummary(totals, today, settings.fullRoutinePresetId);
  const streak = input.streak ?? currentStreak(totals, today, settings);
  return {
    v: SNAPSHOT_VERSION,
    routine: input.routine,
    // Without the last-seen time, a minute of sitting leaves the snapshot as it was, and unwritten.
    sitting: withoutLastSeen(input.sitting),
    settings,
    presets: input.presets,
    today: {
      day: today,
      routinesCompleted: totals[today]?.routinesCompleted ?? 0,
      fullRoutines: summary.fullRoutines,
      breaksTaken: summary.breaksTaken,
      longestSittingMs: summary.longestSittingMs,
      streakDays: streak.days,
      forgivenDays: streak.forgivenDays.length,
    },
    notices: { settingsFields: input.invalidSettingsFields, presetsInvalid: input.presetsInvalid },
    remindHere: input.remindHere,
  };
}

function withoutLastSeen({ lastSeenAt: _, ...view }: SittingState): SittingView {
  return view;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A cheap shape check. The snapshot was validated when the background built
 * it; this only catches one from another version or a damaged store, which
 * the popup then asks the background to rebuild.
 */
export function isPopupSnapshot(value: unknown): value is PopupSnapshot {
  return (
    isObject(value) &&
    value.v === SNAPSHOT_VERSION &&
    isObject(value.routine) &&
    isObject(value.sitting) &&
    isObject(value.settings) &&
    Array.isArray(value.presets) &&
    isObject(value.today) &&
    isObject(value.notices) &&
    typeof value.remindHere === 'boolean'
  );
}
