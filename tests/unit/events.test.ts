import { describe, expect, it } from 'vitest';
import { appendEvents, parseEventLog } from '@/utils/history/events';
import { localDayKey } from '@/utils/day';

const at = new Date(2026, 10, 25, 9, 30).getTime();

describe('event log', () => {
  it('appends events at the end with their local day, leaving the old log untouched', () => {
    const first = appendEvents([], [{ type: 'skipped', at }]);
    const second = appendEvents(first, [{ type: 'snoozed', at: at + 1000, count: 1 }]);
    expect(first).toHaveLength(1);
    expect(second).toEqual([
      { type: 'skipped', at, day: '2026-11-25' },
      { type: 'snoozed', at: at + 1000, count: 1, day: '2026-11-25' },
    ]);
  });

  it('puts an event just before midnight on that day, and one just after on the next', () => {
    const midnight = new Date(2026, 10, 26).getTime();
    expect(localDayKey(midnight - 1)).toBe('2026-11-25');
    expect(localDayKey(midnight)).toBe('2026-11-26');
  });

  it('reads a stored log, leaving out and counting damaged entries', () => {
    const good = { type: 'routineCompleted', at, day: '2026-11-25', presetId: 'desk', durationMs: 300_000, stepsDone: 5, stepsTotal: 5 };
    const parsed = parseEventLog([good, { type: 'routineCompleted', at: 'soon' }, { type: 'teleported', at }, null]);
    expect(parsed.events).toEqual([good]);
    expect(parsed.dropped).toBe(3);
  });

  it.each([
    [undefined, 0],
    [{ not: 'a list' }, 1],
  ])('reads %j as an empty log', (stored, dropped) => {
    expect(parseEventLog(stored)).toEqual({ events: [], dropped });
  });
});
