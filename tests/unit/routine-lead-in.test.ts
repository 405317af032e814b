import { describe, expect, it } from 'vitest';
import {
  IDLE,
  applyRoutineCommand,
  leadInRemainingMs,
  needsLeadIn,
  nextWakeAt,
  routineProgress,
  stepEndsAt,
  stepRemainingMs,
  tick,
  type RoutineState,
  type TimerEffect,
} from '@/utils/routine/timer';
import { parseRoutineState } from '@/utils/routine/timer-schema';
import { rebaseRoutine, routineViolations } from '@/utils/jobs/invariants';
import { initialSittingState } from '@/utils/sitting/rules';
import type { Step } from '@/utils/routine/presets';

const T0 = 1_800_000_000_000;
const S = 1000;
const step = (id: string, kind: Step['kind'], side: Step['side'], durationSec: number): Step => ({ id, kind, side, durationSec, enabled: true });
// Roll L 3:00 → roll R 3:00 (switch foot) → walk 1:00 (stand up) → walk 0:30 (flows on)
const STEPS = [step('rl', 'roll', 'left', 180), step('rr', 'roll', 'right', 180), step('w1', 'walk', 'none', 60), step('w2', 'walk', 'none', 30)];
const LEAD = 5 * S;

type Active = Extract<RoutineState, { status: 'running' | 'paused' }>;
const active = (s: RoutineState) => s as Active;
const start = (leadInSec = 5, at = T0) => applyRoutineCommand(IDLE, { type: 'start', presetId: 'p', steps: STEPS, leadInSec }, at).state;
const cues = (effects: TimerEffect[]) =>
  effects.flatMap((e) => (e.type === 'momentCue' ? [e.moment] : e.type === 'stepCue' ? [`step:${e.step.id}`] : e.type === 'finishCue' ? ['done'] : []));

/** Runs the timer through alarms at the given moments, as the background would, collecting the cues. */
function wakeAt(state: RoutineState, moments: number[]): { state: RoutineState; cues: string[] } {
  const heard: string[] = [];
  for (const at of moments) {
    const result = tick(state, at);
    state = result.state;
    heard.push(...cues(result.effects));
  }
  return { state, cues: heard };
}

describe('the lead-in rule', () => {
  it.each([
    [0, true, 'the first step'],
    [1, true, 'the other foot'],
    [2, true, 'standing up to walk'],
    [3, false, 'more of the same'],
  ])('step %i needs a lead-in: %s (%s)', (index, expected) => {
    expect(needsLeadIn(STEPS, index)).toBe(expected);
  });
});

describe('lead-in', () => {
  it('comes before the first step and does not count toward it', () => {
    const s = active(start());
    expect(leadInRemainingMs(s, T0 + 2 * S)).toBe(3 * S);
    expect(stepRemainingMs(s, T0 + 2 * S)).toBe(180 * S);
    expect(stepRemainingMs(s, T0 + LEAD + 10 * S)).toBe(170 * S);
    expect(stepEndsAt(s)).toBe(T0 + LEAD + 180 * S);
  });

  it('is off at 0 seconds, and in a routine stored by an older version', () => {
    expect(stepEndsAt(start(0))).toBe(T0 + 180 * S);
    const old = parseRoutineState({
      status: 'running',
      presetId: 'p',
      steps: STEPS,
      stepIndex: 0,
      stepStartedAt: T0,
      pausedMs: 0,
      startedAt: T0,
      routinePausedMs: 0,
    });
    expect(old.invalid).toBe(false);
    expect(stepEndsAt(old.state)).toBe(T0 + 180 * S);
    expect(tick(old.state, T0 + 180 * S).state).toMatchObject({ stepIndex: 1, stepStartedAt: T0 + 180 * S });
    expect(stepEndsAt(tick(old.state, T0 + 180 * S).state)).toBe(T0 + 360 * S);
  });

  it('fills in what a routine stored by an older version lacks: no lead-in, no moment cued yet, earlier steps spent in full', () => {
    const stored = {
      status: 'paused',
      presetId: 'p',
      steps: STEPS,
      stepIndex: 2,
      stepStartedAt: T0 + 360 * S,
      pausedAt: T0 + 370 * S,
      pausedMs: 0,
      startedAt: T0,
      routinePausedMs: 0,
    };
    expect(parseRoutineState(stored)).toEqual({
      invalid: false,
      state: { ...stored, leadInSec: 0, leadInMs: 0, cueMark: 0, spentMs: [180 * S, 180 * S, 0, 0] },
    });
    // Stopped there, the two steps it had passed count as done.
    const held = applyRoutineCommand(parseRoutineState(stored).state, { type: 'stop' }, T0 + 371 * S).state;
    const stopped = applyRoutineCommand(held, { type: 'dismiss' }, T0 + 372 * S);
    expect(stopped.state).toEqual(IDLE);
    expect(stopped.effects[0]).toMatchObject({ type: 'log', event: { type: 'routineStopped', stepsDone: 2, stepsTotal: 4 } });
  });

  it('gives a stored time-spent list one entry per step', () => {
    const stored = { ...(JSON.parse(JSON.stringify(start())) as Record<string, unknown>), stepIndex: 2, spentMs: [90 * S] };
    expect(active(parseRoutineState(stored).state).spentMs).toEqual([90 * S, 180 * S, 0, 0]);
  });

  it('comes again before a step that needs a new position, and not between like steps', () => {
    const { state } = wakeAt(start(), [T0 + LEAD + 180 * S]);
    expect(state).toMatchObject({ stepIndex: 1, leadInMs: LEAD });
    expect(stepEndsAt(state)).toBe(T0 + 2 * LEAD + 360 * S);
    const walk2 = wakeAt(state, [T0 + 3 * LEAD + 420 * S]).state;
    expect(walk2).toMatchObject({ stepIndex: 3, leadInMs: 0, stepStartedAt: T0 + 3 * LEAD + 420 * S });
  });

  it('survives a paused routine: pausing during the lead-in keeps what is left of it', () => {
    const paused = active(applyRoutineCommand(start(), { type: 'pause' }, T0 + 2 * S).state);
    expect(leadInRemainingMs(paused, T0 + 100 * S)).toBe(3 * S);
    expect(nextWakeAt(paused, true)).toBeUndefined();
    const resumed = applyRoutineCommand(paused, { type: 'resume' }, T0 + 100 * S);
    expect(leadInRemainingMs(active(resumed.state), T0 + 100 * S)).toBe(3 * S);
    expect(nextWakeAt(resumed.state, true)).toBe(T0 + 103 * S);
  });

  it('skip during the lead-in starts the step at once, with its full length', () => {
    const result = applyRoutineCommand(start(), { type: 'skip' }, T0 + 2 * S);
    expect(result.state).toMatchObject({ stepIndex: 0, leadInMs: 0, cueMark: 1 });
    expect(stepRemainingMs(active(result.state), T0 + 2 * S)).toBe(180 * S);
    expect(leadInRemainingMs(active(result.state), T0 + 2 * S)).toBe(0);
    expect(result.effects).toEqual([]);
    expect(stepEndsAt(result.state)).toBe(T0 + 182 * S);
  });

  it('skip during a paused lead-in starts the step when resumed', () => {
    const paused = applyRoutineCommand(start(), { type: 'pause' }, T0 + 2 * S).state;
    const skipped = applyRoutineCommand(paused, { type: 'skip' }, T0 + 10 * S);
    expect(skipped.effects).toEqual([]);
    const resumed = applyRoutineCommand(skipped.state, { type: 'resume' }, T0 + 20 * S).state;
    expect(stepEndsAt(resumed)).toBe(T0 + 200 * S);
  });

  it("back during a lead-in goes to the step before, with that step's own lead-in", () => {
    const second = wakeAt(start(), [T0 + LEAD + 180 * S]).state;
    const result = applyRoutineCommand(second, { type: 'back' }, T0 + LEAD + 182 * S);
    expect(result.state).toMatchObject({ stepIndex: 0, leadInMs: LEAD, stepStartedAt: T0 + LEAD + 182 * S, cueMark: 0 });
  });

  it('a late alarm that comes after the lead-in and the step ended lands in the right place, with one cue', () => {
    // Step 0 ends at T0+185 s; step 1's lead-in ends at 190 s, it ends at 370 s; alarm comes at 300 s.
    const result = tick(start(), T0 + 300 * S);
    expect(result.state).toMatchObject({ stepIndex: 1, stepStartedAt: T0 + 185 * S, cueMark: 2 });
    expect(cues(result.effects)).toEqual(['step:rr']);
    // The moments the late tick passed are never cued afterwards; the countdown still is.
    expect(wakeAt(result.state, [T0 + 301 * S, T0 + 367 * S]).cues).toEqual(['countdown']);
  });

  it('a worker killed and restarted reads the stored state and cues each moment once', () => {
    const stored = JSON.parse(JSON.stringify(start())) as unknown;
    const first = parseRoutineState(stored).state;
    const halfway = T0 + LEAD + 90 * S;
    const once = wakeAt(first, [T0 + LEAD, halfway]);
    // The worker dies after storing; a new one reads the same state and wakes again at the same moment.
    const again = wakeAt(parseRoutineState(JSON.parse(JSON.stringify(once.state))).state, [halfway, halfway + 1]);
    expect(once.cues).toEqual(['go', 'halfway']);
    expect(again.cues).toEqual([]);
  });

  it('asks to wake at each moment in turn: lead-in end, halfway, countdown (when spoken), step end', () => {
    let s = start();
    const wakes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = nextWakeAt(s, true) ?? 0;
      wakes.push(at - T0);
      s = tick(s, at).state;
    }
    expect(wakes).toEqual([5 * S, 95 * S, 182 * S, 185 * S]);
    expect(nextWakeAt(start(), false)).toBe(T0 + LEAD);
    expect(nextWakeAt(tick(start(), T0 + 95 * S).state, false)).toBe(T0 + 185 * S);
  });

  it('gives no halfway cue to a step under 2 minutes', () => {
    const walk = wakeAt(start(), [T0 + 2 * LEAD + 360 * S]).state;
    expect(walk).toMatchObject({ stepIndex: 2 });
    expect(wakeAt(walk, [T0 + 3 * LEAD + 360 * S, T0 + 3 * LEAD + 390 * S, T0 + 3 * LEAD + 418 * S]).cues).toEqual(['go', 'countdown']);
  });

  it('with a clock set back, the rebased step keeps its cues: none twice, none lost', () => {
    const halfwayPassed = wakeAt(start(), [T0 + LEAD + 90 * S]).state;
    const rebased = rebaseRoutine(halfwayPassed, T0 + LEAD + 90 * S, T0 + 10 * S);
    expect(wakeAt(rebased, [T0 + 11 * S]).cues).toEqual([]);
    expect(stepRemainingMs(active(rebased), T0 + 10 * S)).toBe(90 * S);
  });

  it('with a clock set back and no earlier job, the step restarts from its first moment', () => {
    const future = wakeAt(start(0, T0 + 500 * S), [T0 + 600 * S]).state;
    const [violation] = routineViolations({ sitting: initialSittingState(T0), routine: future }, T0);
    expect(violation?.routine).toMatchObject({ stepStartedAt: T0, cueMark: 0 });
  });

  it('rejects a damaged lead-in or mark as a damaged state', () => {
    const good = JSON.parse(JSON.stringify(start())) as Record<string, unknown>;
    expect(parseRoutineState({ ...good, leadInMs: -1 }).invalid).toBe(true);
    expect(parseRoutineState({ ...good, leadInSec: 99 }).invalid).toBe(true);
    expect(parseRoutineState({ ...good, cueMark: 7 }).invalid).toBe(true);
    expect(parseRoutineState({ ...good, spentMs: [Number.NaN] }).invalid).toBe(true);
  });
});

describe('the completion rule', () => {
  const two = [step('a', 'roll', 'left', 60), step('b', 'roll', 'right', 60)];
  it.each([
    [[0, 0], 0, false],
    [[60_000, 0], 1, true],
    [[59_999, 0], 1, false],
    [[30_000, 30_000], 2, true],
    [[29_999, 29_999], 0, false],
    [[999_999, 0], 1, true],
  ])('time spent %j: %i steps done, completed %s', (spent, stepsDone, completed) => {
    expect(routineProgress(two, spent)).toEqual({ stepsDone, completed });
  });

  it('counts a step repeated with Back no more than its length', () => {
    let s: RoutineState = applyRoutineCommand(IDLE, { type: 'start', presetId: 'p', steps: two }, T0).state;
    s = applyRoutineCommand(s, { type: 'skip' }, T0 + 50 * S).state;
    s = applyRoutineCommand(s, { type: 'back' }, T0 + 51 * S).state;
    s = applyRoutineCommand(s, { type: 'skip' }, T0 + 101 * S).state;
    expect(active(s).spentMs).toEqual([60 * S, S]);
  });

  it('a routine that ran to its end completes; its lead-ins are not counted as steps', () => {
    const end = T0 + 3 * LEAD + 450 * S;
    const result = tick(start(), end);
    expect(result.state).toMatchObject({ status: 'finished', outcome: 'completed', stepsDone: 4, stepsTotal: 4 });
    expect(cues(result.effects)).toEqual(['done']);
  });
});
