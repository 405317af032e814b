import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cueMessaging } from '@/utils/platform/messaging/cues';
import { cueNotification, reminderNotification } from '@/utils/display/notification-options';
import { playCueInBackground } from '@/utils/platform/sound/cue-player';
import { playChime, speakCue } from '@/utils/platform/sound/chime';
import { initialSittingState, trackSitting } from '@/utils/sitting/rules';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

vi.mock('@/utils/platform/sound/chime', () => ({ playChime: vi.fn(), speakCue: vi.fn() }));

const text = { title: 'Time to stand up', message: 'You have been sitting for 45 minutes.', startLabel: 'Start routine', snoozeLabel: 'Snooze 10 min' };

describe('what differs on Firefox', () => {
  it('reminders: buttons and requireInteraction on Chrome, a plain notification on Firefox', () => {
    expect(reminderNotification('chrome', 'i.png', text, false)).toEqual({
      type: 'basic',
      iconUrl: 'i.png',
      title: text.title,
      message: text.message,
      requireInteraction: true,
      silent: false,
      buttons: [{ title: 'Start routine' }, { title: 'Snooze 10 min' }],
    });
    expect(reminderNotification('firefox', 'i.png', text, true)).toEqual({ type: 'basic', iconUrl: 'i.png', title: text.title, message: text.message });
  });

  it('step cues: silent on Chrome, and no `silent` key, which Firefox rejects', () => {
    expect(cueNotification('chrome', 'i.png', 't', 'm')).toMatchObject({ silent: true });
    expect(cueNotification('firefox', 'i.png', 't', 'm')).not.toHaveProperty('silent');
  });

  it('sound on Firefox: the background page plays the cue itself, with no offscreen document', async () => {
    const createDocument = vi.fn(async () => {});
    Object.assign(fakeBrowser.offscreen, { createDocument });
    vi.stubEnv('BROWSER', 'firefox');
    try {
      await playCueInBackground({ chime: true, volume: 40, spoken: { type: 'go' }, lang: 'en' });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(createDocument).not.toHaveBeenCalled();
    expect(playChime).toHaveBeenCalledWith(40, undefined);
    expect(speakCue).toHaveBeenCalledWith('Go.', 'en', 40);
  });

  it('sound on Chrome: one offscreen document is created and asked to play', async () => {
    const createDocument = vi.fn(async () => {});
    Object.assign(fakeBrowser.offscreen, { createDocument });
    const played: unknown[] = [];
    cueMessaging.onMessage('playCue', ({ data }) => void played.push(data));
    const cue = { chime: true, volume: 70, lang: 'en' };
    await Promise.all([playCueInBackground(cue), playCueInBackground(cue)]);
    expect(createDocument).toHaveBeenCalledTimes(1);
    expect(createDocument).toHaveBeenCalledWith(expect.objectContaining({ url: '/offscreen.html', reasons: ['AUDIO_PLAYBACK'] }));
    expect(played).toEqual([cue, cue]);
    expect(playChime).not.toHaveBeenCalled();
    cueMessaging.removeAllListeners();
  });

  it('idle: Firefox reports idle but never locked, which still ends a stretch as a natural break', () => {
    const t0 = new Date(2026, 10, 25, 9, 0).getTime();
    const ctx = (now: number) => ({ now, settings: DEFAULT_SETTINGS, busy: false });
    let state = trackSitting(initialSittingState(t0), { type: 'wake' }, ctx(t0)).state;
    for (let m = 1; m <= 30; m++) state = trackSitting(state, { type: 'alarm' }, ctx(t0 + m * 60_000)).state;
    state = trackSitting(state, { type: 'idle', idleState: 'idle', audible: false }, ctx(t0 + 30 * 60_000)).state;
    const back = trackSitting(state, { type: 'idle', idleState: 'active', audible: false }, ctx(t0 + 40 * 60_000));
    expect(back.effects.map((e) => (e.type === 'log' ? e.event.type : e.type))).toEqual(['sittingEnded', 'breakTaken']);
  });
});
