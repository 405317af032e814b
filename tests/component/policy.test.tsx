// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { listenForRequests } from '@/utils/platform/messaging/request-listener';
import { handleRoutineRequest, handleSettingsRequest, handleSittingRequest } from '@/tests/background-jobs';
import { handleDataRequest } from '@/tests/background-jobs';
import { applyManagedPolicy } from '@/tests/background-jobs';
import { buildExport } from '@/utils/transfer/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { EMPTY_CUSTOMISATIONS } from '@/utils/routine/presets';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

beforeEach(() => {
  listenForRequests({
    routine: (data) => handleRoutineRequest(data, Date.now()),
    sitting: (data) => handleSittingRequest(data, Date.now()),
    data: (data) => handleDataRequest(data, Date.now()),
    settings: (data) => handleSettingsRequest(data),
    refresh: async () => ({ ok: true }),
  });
});

/** What an administrator deployed, applied by the background as at its start. */
async function deploy(policy: Record<string, unknown>) {
  await fakeBrowser.storage.managed.set(policy);
  await applyManagedPolicy();
}

describe('the options page under an organisation’s policy', () => {
  afterEach(cleanup);

  it('shows a locked setting with its value, as set by the organisation, and does not let it change', async () => {
    await deploy({
      sittingIntervalMin: 60,
      activeDays: [1, 3],
      breakPresetId: 'back',
      remindHere: false,
      locked: ['sittingIntervalMin', 'activeDays', 'breakPresetId', 'remindHere'],
    });
    render(<App />);
    const interval = await screen.findByLabelText<HTMLInputElement>('Sitting interval (minutes)');
    expect(interval.value).toBe('60');
    expect(interval.disabled).toBe(true);
    const note = document.getElementById(interval.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('Set by your organisation');
    expect(screen.getByLabelText<HTMLSelectElement>('A break reminder starts').disabled).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Remind on this browser').disabled).toBe(true);
    const days = screen.getByRole('group', { name: 'Active days' });
    expect(within(days).getByText('Set by your organisation')).toBeTruthy();
    for (const box of within(days).getAllByRole<HTMLInputElement>('checkbox')) expect(box.disabled).toBe(true);
    // An unlocked setting stays the user's to change.
    expect(screen.getByLabelText<HTMLInputElement>('Snooze length (minutes)').disabled).toBe(false);
  });

  it('shows an unlocked policy value as the starting value, which the user can change', async () => {
    await deploy({ snoozeMin: 15 });
    render(<App />);
    const snooze = await screen.findByLabelText<HTMLInputElement>('Snooze length (minutes)');
    expect(snooze.value).toBe('15');
    expect(snooze.disabled).toBe(false);
    expect(screen.queryByText('Set by your organisation')).toBeNull();
  });

  it('tells the user which policy values were ignored and why, and shows the rest', async () => {
    await deploy({ sittingIntervalMin: 5, breakPresetId: 'mine', volume: 20, goalBreaksPerDay: 9, locked: ['snoozeMin'] });
    render(<App />);
    const notice = await screen.findByText(/Sitting interval \(minutes\) \(sittingIntervalMin\) = 5\. It was ignored\. Enter a number from 10 to 180\./);
    expect(notice.textContent).toMatch(/^Your organisation's policy has a value Roll Call cannot use:/);
    expect(screen.getByText(/A break reminder starts \(breakPresetId\) = "mine"\. It was ignored\. Name one of the built-in routines/)).toBeTruthy();
    expect(screen.getByText(/volume = 20\. It was ignored\. Roll Call has no setting by this name\./)).toBeTruthy();
    expect(screen.getByText(/locked = "snoozeMin"\. It was ignored\. A setting can only be locked when the policy also sets its value\./)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Breaks a day').value).toBe('9');
    expect(screen.getByLabelText<HTMLInputElement>('Sitting interval (minutes)').value).toBe('45');
  });

  it('says before an import that the locked settings keep the organisation’s values', async () => {
    await deploy({ sittingIntervalMin: 60, locked: ['sittingIntervalMin'] });
    render(<App />);
    const bundle = buildExport({ ...DEFAULT_SETTINGS, sittingIntervalMin: 25 }, EMPTY_CUSTOMISATIONS, [], {}, Date.now());
    const file = new File([JSON.stringify(bundle)], 'roll-call.json', { type: 'application/json' });
    fireEvent.change(await screen.findByLabelText('Import…'), { target: { files: [file] } });
    expect(await screen.findByText('Your organisation sets these, so the file does not change them: Sitting interval (minutes).')).toBeTruthy();
  });
});
