import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messaging } from '@/utils/platform/messaging/send';
import { readEventLog, readRoutineState } from '@/utils/platform/storage/items';
import { utterancesFor } from '@/utils/platform/sound/voice-text';
import { handleRoutineRequest, recoverState } from '@/tests/background-jobs';
import { STEP_ALARM, runBackgroundJob } from '@/entrypoints/background/job';
import { CUE_NOTIFICATION_ID } from '@/entrypoints/background/step-cue';
import background from '@/entrypoints/background';

const T0 = new Date(2026, 10, 25, 10, 0).getTime();

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

async function alarmWhen(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(STEP_ALARM))?.scheduledTime;
}

describe('routine shell', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    // These tests time steps to their ends; the lead-in has tests of its own below.
    await fakeBrowser.storage.sync.set({ settings: { leadInSec: 0 } });
  });

  it('starts the chosen preset, stores the state and sets the step-end alarm', async () => {
    expect(await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0)).toEqual({ ok: true });
    const { state } = await readRoutineState();
    expect(state).toMatchObject({ status: 'running', presetId: 'desk', stepIndex: 0 });
    expect(await alarmWhen()).toBe(T0 + 90_000);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it.each([
    ['not an object', 'start'],
    ['an unknown command', { type: 'explode' }],
    ['a start without a preset', { type: 'start' }],
  ])('refuses %s and changes nothing', async (_, raw) => {
    expect(await handleRoutineRequest(raw, T0)).toEqual({ ok: false, error: 'error_bad_command' });
    expect(await fakeBrowser.storage.local.get('routine')).toEqual({});
  });

  it('refuses a preset that does not exist', async () => {
    expect(await handleRoutineRequest({ type: 'start', presetId: 'custom-gone' }, T0)).toEqual({ ok: false, error: 'error_unknown_preset' });
  });

  it('moves to the next step when the alarm fires, with a silent notification when no view is open', async () => {
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    await runBackgroundJob({ type: 'stepAlarm' }, T0 + 90_000);
    expect((await readRoutineState()).state).toMatchObject({ stepIndex: 1 });
    expect(await alarmWhen()).toBe(T0 + 180_000);
    const notes = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string; silent?: boolean }>;
    expect(notes[CUE_NOTIFICATION_ID]).toMatchObject({ message: 'Next: Roll your right foot, 1:30', silent: true });
  });

  it('stays quiet at a step change while a routine view is open', async () => {
    const popupContext = { contextType: 'POPUP', documentUrl: 'chrome-extension://id/popup.html' };
    vi.mocked(fakeBrowser.runtime.getContexts).mockResolvedValue([popupContext] as never);
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    await runBackgroundJob({ type: 'stepAlarm' }, T0 + 90_000);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('logs a completed routine and the break it made, in the same write that ends it, and clears its alarm', async () => {
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    await runBackgroundJob({ type: 'stepAlarm' }, T0 + 300_000);
    expect((await readRoutineState()).state).toMatchObject({ status: 'finished', outcome: 'completed' });
    expect(await alarmWhen()).toBeUndefined();
    expect((await readEventLog()).events).toEqual([
      expect.objectContaining({ type: 'routineCompleted', presetId: 'desk', stepsDone: 5, durationMs: 300_000, day: '2026-11-25' }),
      { type: 'breakTaken', how: 'routine', at: T0 + 300_000, day: '2026-11-25' },
    ]);
    // The sitting clock runs again at once: it no longer rests for a routine that has ended.
    expect((await fakeBrowser.storage.local.get('sitting')).sitting).toMatchObject({ sittingSince: T0 + 300_000 });
    expect((await fakeBrowser.storage.local.get('sitting')).sitting).not.toHaveProperty('routineSince');
  });

  it('runs on a routine stored by an older version (no lead-in, marks or time spent) to its next step', async () => {
    const steps = [
      { id: 'roll-left', kind: 'roll', side: 'left', durationSec: 90, enabled: true },
      { id: 'roll-right', kind: 'roll', side: 'right', durationSec: 90, enabled: true },
    ];
    const routine = { status: 'running', presetId: 'desk', steps, stepIndex: 0, stepStartedAt: T0, pausedMs: 0, startedAt: T0, routinePausedMs: 0 };
    await fakeBrowser.storage.local.set({ routine, sitting: { lastSeenAt: T0, routineSince: T0 } });
    await runBackgroundJob({ type: 'stepAlarm' }, T0 + 90_000);
    expect((await readRoutineState()).state).toEqual({
      ...routine,
      stepIndex: 1,
      stepStartedAt: T0 + 90_000,
      leadInSec: 0,
      leadInMs: 0,
      cueMark: 0,
      spentMs: [90_000, 0],
    });
    expect(await alarmWhen()).toBe(T0 + 180_000);
  });

  it('re-creates a lost step alarm at every worker start', async () => {
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    await fakeBrowser.alarms.clearAll();
    await recoverState(T0 + 10_000);
    expect(await alarmWhen()).toBe(T0 + 90_000);
  });

  it('replaces a corrupt stored routine with no routine at start', async () => {
    await fakeBrowser.storage.local.set({ routine: { status: 'running' } });
    await recoverState(T0);
    expect(await fakeBrowser.storage.local.get('routine')).toEqual({ routine: { status: 'idle' } });
  });
});

describe('background entrypoint', () => {
  // The messenger is a module singleton; each test starts a fresh worker, as Chrome would.
  beforeEach(() => fakeBrowser.runtime.onMessage.removeAllListeners());

  it('answers typed commands from other pages, one at a time', async () => {
    background.main();
    const replies = await Promise.all([
      messaging.sendMessage('routine', { type: 'start', presetId: 'full' }),
      messaging.sendMessage('routine', { type: 'start', presetId: 'desk' }),
    ]);
    expect(replies).toEqual([{ ok: true }, { ok: false, error: 'error_already_running' }]);
    expect((await readRoutineState()).state).toMatchObject({ presetId: 'full' });
  });

  it('answers a double-click on Start, Take a break now or Stop with ok, and acts once', async () => {
    background.main();
    const starts = await Promise.all([
      messaging.sendMessage('routine', { type: 'start', presetId: 'desk' }),
      messaging.sendMessage('routine', { type: 'start', presetId: 'desk' }),
      messaging.sendMessage('sitting', { type: 'startBreak' }),
    ]);
    expect(starts).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    const stops = await Promise.all([messaging.sendMessage('routine', { type: 'stop' }), messaging.sendMessage('routine', { type: 'stop' })]);
    expect(stops).toEqual([{ ok: true }, { ok: true }]);
    // The first Stop holds the routine for Undo; the second finds that already so and changes nothing.
    expect((await readRoutineState()).state).toMatchObject({ status: 'paused', presetId: 'desk', undoTo: 'running' });
  });

  it('opens the welcome page on first run only', async () => {
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get('onboarded')).toEqual({ onboarded: true }));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url).filter((url) => url?.endsWith('/welcome.html'))).toHaveLength(1);
  });

  it('does not open the welcome page again once onboarded', async () => {
    await fakeBrowser.storage.local.set({ onboarded: true });
    background.main();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.sync.get('settings$')).not.toEqual({}));
    await messaging.sendMessage('routine', { type: 'dismiss' });
    expect((await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.includes('welcome.html'))).toEqual([]);
  });

  it('advances the routine when the step alarm fires', async () => {
    background.main();
    await messaging.sendMessage('routine', { type: 'start', presetId: 'desk' });
    vi.useFakeTimers({ toFake: ['Date'] });
    // The first step: a 5 s lead-in, then 1:30.
    vi.setSystemTime(Date.now() + 95_500);
    await fakeBrowser.alarms.onAlarm.trigger({ name: STEP_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    expect((await readRoutineState()).state).toMatchObject({ stepIndex: 1 });
  });
});

describe('keeping the screen on', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  const lastCall = () => {
    const request = vi.mocked(fakeBrowser.power.requestKeepAwake).mock.invocationCallOrder.at(-1) ?? 0;
    const release = vi.mocked(fakeBrowser.power.releaseKeepAwake).mock.invocationCallOrder.at(-1) ?? 0;
    return request > release ? 'request' : release > 0 ? 'release' : 'none';
  };

  it('asks for the display while a routine runs and lets it go on pause and at the end', async () => {
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    expect(fakeBrowser.power.requestKeepAwake).toHaveBeenLastCalledWith('display');
    expect(lastCall()).toBe('request');
    await handleRoutineRequest({ type: 'pause' }, T0 + 1000);
    expect(lastCall()).toBe('release');
    await handleRoutineRequest({ type: 'resume' }, T0 + 2000);
    expect(lastCall()).toBe('request');
    await handleRoutineRequest({ type: 'stop' }, T0 + 3000);
    expect(lastCall()).toBe('release');
  });

  it('is asked for again by a fresh worker from the stored state, and not at all when the setting is off', async () => {
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    vi.mocked(fakeBrowser.power.requestKeepAwake).mockClear();
    await recoverState(T0 + 5000);
    expect(fakeBrowser.power.requestKeepAwake).toHaveBeenCalledWith('display');
    await fakeBrowser.storage.sync.set({ settings: { keepAwake: false } });
    await recoverState(T0 + 6000);
    expect(lastCall()).toBe('release');
  });
});

describe('cues inside a step', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  it('wakes at the end of the lead-in, at halfway and (with the voice on) for the countdown, and cues each once', async () => {
    const { playCueInBackground } = await import('@/utils/platform/sound/cue-player');
    await fakeBrowser.storage.sync.set({ settings: { leadInSec: 5, spokenCues: true } });
    await fakeBrowser.storage.sync.set({ presets: { v: 1, builtIn: { full: {} }, custom: [] } });
    await handleRoutineRequest({ type: 'start', presetId: 'full' }, T0);
    // Full reset: roll left foot 5:30 after a 5 s lead-in.
    expect(await alarmWhen()).toBe(T0 + 5000);
    await runBackgroundJob({ type: 'stepAlarm' }, T0 + 5000);
    expect(await alarmWhen()).toBe(T0 + 5000 + 165_000);
    await runBackgroundJob({ type: 'stepAlarm' }, T0 + 5000 + 165_000);
    await runBackgroundJob({ type: 'stepAlarm' }, T0 + 5000 + 165_000);
    expect(await alarmWhen()).toBe(T0 + 5000 + 327_000);
    const said = vi.mocked(playCueInBackground).mock.calls.map(([request]) => request.spoken && utterancesFor(request.spoken)[0]?.text);
    expect(said).toEqual(['Go.', expect.stringMatching(/^Halfway/)]);
  });
});
