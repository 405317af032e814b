// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { messaging } from '@/utils/platform/messaging/send';
import { listenForRequests } from '@/utils/platform/messaging/request-listener';
import { handleRoutineRequest, handleSettingsRequest, handleSittingRequest } from '@/tests/background-jobs';
import { handleDataRequest } from '@/tests/background-jobs';
import { BUILT_IN_PRESETS } from '@/utils/routine/presets';
import { fakeCommands } from '../fake-commands';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

// The page writes nothing itself: its commands reach the background's real handlers, which check and store them.
beforeEach(() => {
  listenForRequests({
    routine: (data) => handleRoutineRequest(data, Date.now()),
    sitting: (data) => handleSittingRequest(data, Date.now()),
    data: (data) => handleDataRequest(data, Date.now()),
    settings: (data) => handleSettingsRequest(data),
    refresh: async () => ({ ok: true }),
  });
});

async function storedSettings() {
  return (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
}

async function storedPresets() {
  return (await fakeBrowser.storage.sync.get('presets')).presets as
    { builtIn: Record<string, unknown>; custom: Array<{ id: string; name: string }> } | undefined;
}

function type(input: HTMLElement, value: string) {
  fireEvent.input(input, { target: { value } });
}

function commit(input: HTMLElement, value: string) {
  type(input, value);
  fireEvent.change(input, { target: { value } });
}

describe('options page', () => {
  afterEach(cleanup);

  describe('number fields', () => {
    it.each([
      ['', 'This field is required.'],
      ['abc', 'Enter a number.'],
      ['-5', 'Enter a number from 10 to 180.'],
      ['0', 'Enter a number from 10 to 180.'],
      ['181', 'Enter a number from 10 to 180.'],
      ['30.5', 'Enter a whole number.'],
    ])('shows an error for %j beside the field, linked to it, and stores nothing', async (value, message) => {
      render(<App />);
      const input = await screen.findByLabelText('Sitting interval (minutes)');
      commit(input, value);
      const error = await screen.findByText(message);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain(error.id);
      expect(await storedSettings()).toBeUndefined();
    });

    it('coalesces fast changes into one write, shows the value being saved, and never a value that was not stored', async () => {
      const send = vi.spyOn(messaging, 'sendMessage');
      render(<App />);
      const volume = await screen.findByLabelText('Volume');
      // Arrow keys on the slider: every step fires a change.
      for (const value of ['75', '80', '85', '90']) fireEvent.change(volume, { target: { value } });
      expect(await screen.findByText('Saving…')).toBeTruthy();
      await waitFor(async () => expect((await storedSettings())?.volume).toBe(90), { timeout: 5000 });
      expect(send.mock.calls.filter(([type]) => type === 'settings')).toEqual([['settings', { type: 'patch', patch: { volume: 90 } }]]);
    });

    it('drops a value the background refused, and names the real cause', async () => {
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
      render(<App />);
      const volume = await screen.findByLabelText<HTMLInputElement>('Volume');
      fireEvent.change(volume, { target: { value: '90' } });
      // The save waits for its 0.4 s pause first; on a loaded machine the round trip can take a while longer.
      expect(await screen.findByText(/the browser's sync accepts 120 a minute/, {}, { timeout: 5000 })).toBeTruthy();
      await waitFor(() => expect(volume.value).toBe('70'), { timeout: 5000 });
      expect(await storedSettings()).toBeUndefined();
    });

    it('saves a good value on change, with a visible “Saved”', async () => {
      render(<App />);
      const input = await screen.findByLabelText('Sitting interval (minutes)');
      type(input, '3');
      expect(await storedSettings()).toBeUndefined();
      commit(input, '30');
      await waitFor(async () => expect((await storedSettings())?.sittingIntervalMin).toBe(30));
      expect((await screen.findByText('Saved')).getAttribute('role')).toBe('status');
      expect(input.getAttribute('aria-invalid')).toBe('false');
    });

    it('never says “Saved” while a field shows a value that was not saved', async () => {
      render(<App />);
      commit(await screen.findByLabelText('Sitting interval (minutes)'), '30');
      const status = await screen.findByText('Saved');
      const snooze = screen.getByLabelText('Snooze length (minutes)');
      commit(snooze, '0');
      await waitFor(() => expect(status.textContent).toBe('Not saved: a value is not valid.'));
      expect(status.className).toContain('save-status--error');
      commit(snooze, '15');
      await waitFor(async () => expect((await storedSettings())?.snoozeMin).toBe(15));
      await waitFor(() => expect(status.textContent).toBe('Saved'));
    });

    it('moves the longest-stretch goal with the interval until the user sets it apart', async () => {
      render(<App />);
      commit(await screen.findByLabelText('Sitting interval (minutes)'), '30');
      await waitFor(async () => expect(await storedSettings()).toMatchObject({ sittingIntervalMin: 30, goalLongestSittingMin: 30 }));
    });

    it.each([
      ['Natural break after (minutes away)', '61', 'Enter a number from 1 to 60.'],
      ['Snooze length (minutes)', '0', 'Enter a number from 1 to 60.'],
      ['Full routines a day', '6', 'Enter a number from 0 to 5.'],
      ['Breaks a day', '21', 'Enter a number from 0 to 20.'],
    ])('checks %s', async (label, value, message) => {
      render(<App />);
      commit(await screen.findByLabelText(label), value);
      expect(await screen.findByText(message)).toBeTruthy();
      expect(await storedSettings()).toBeUndefined();
    });

    it('keeps fields written by a newer version when saving', async () => {
      await fakeBrowser.storage.sync.set({ settings: { sittingIntervalMin: 50, futureField: 'keep me' } });
      render(<App />);
      commit(await screen.findByLabelText('Snooze length (minutes)'), '15');
      await waitFor(async () => expect(await storedSettings()).toMatchObject({ snoozeMin: 15, sittingIntervalMin: 50, futureField: 'keep me' }));
    });
  });

  describe('active hours', () => {
    it('refuses an end time equal to the start', async () => {
      render(<App />);
      fireEvent.change(await screen.findByLabelText('Active hours end'), { target: { value: '08:00' } });
      expect(await screen.findByText('The end must differ from the start.')).toBeTruthy();
      expect(await storedSettings()).toBeUndefined();
    });

    it('accepts hours across midnight and says so', async () => {
      render(<App />);
      fireEvent.change(await screen.findByLabelText('Active hours start'), { target: { value: '22:00' } });
      await waitFor(async () => expect((await storedSettings())?.activeStart).toBe('22:00'));
      fireEvent.change(screen.getByLabelText('Active hours end'), { target: { value: '06:00' } });
      expect(await screen.findByText('These hours cross midnight: from 22:00 until 06:00 the next morning.')).toBeTruthy();
    });

    it('warns clearly when no day is selected', async () => {
      await fakeBrowser.storage.sync.set({ settings: { activeDays: [1] } });
      render(<App />);
      fireEvent.click(await screen.findByRole('checkbox', { name: 'Mon' }));
      expect(await screen.findByText('No day is selected, so Roll Call will not remind you at all.')).toBeTruthy();
      await waitFor(async () => expect((await storedSettings())?.activeDays).toEqual([]));
    });
  });

  describe('the routine editor', () => {
    it('changes a step length, and rejects one under 0:30 or over 15:00', async () => {
      render(<App />);
      const walk = await screen.findByLabelText('Length of “Walk barefoot” (m:ss)');
      expect((walk as HTMLInputElement).value).toBe('5:00');
      commit(walk, '0:20');
      expect(await screen.findByText('Enter a length from 0:30 to 15:00.')).toBeTruthy();
      commit(walk, '15:30');
      expect(await storedPresets()).toBeUndefined();
      commit(walk, '4:00');
      await waitFor(async () => expect((await storedPresets())?.builtIn.full).toBeDefined());
      expect(screen.getByText('Total: 18:00')).toBeTruthy();
    });

    it('turns steps off but refuses to turn off the last one', async () => {
      render(<App />);
      fireEvent.change(await screen.findByLabelText('Routine to edit'), { target: { value: 'desk' } });
      const steps = within(await screen.findByRole('list', { name: 'Steps of Desk break' }));
      for (const [index, name] of ['Roll your left foot', 'Roll your right foot', 'Walk barefoot', 'Stretch your left calf'].entries()) {
        fireEvent.click(steps.getByRole('checkbox', { name }));
        await waitFor(() => expect(steps.getByRole<HTMLInputElement>('checkbox', { name }).checked).toBe(false));
        // Each edit builds on the stored routine, so the next click waits until this one is stored.
        await waitFor(async () =>
          expect(((await storedPresets())?.builtIn.desk as { steps: Array<{ enabled: boolean }> }).steps.filter((step) => !step.enabled)).toHaveLength(
            index + 1,
          ),
        );
      }
      fireEvent.click(steps.getByRole('checkbox', { name: 'Stretch your right calf' }));
      expect((await screen.findByRole('alert')).textContent).toBe('A routine needs at least one step turned on.');
    });

    it('reorders steps with buttons that work from the keyboard', async () => {
      render(<App />);
      const up = await screen.findByRole('button', { name: 'Move “Walk barefoot” up' });
      expect(up.tagName).toBe('BUTTON');
      fireEvent.click(up);
      await waitFor(async () =>
        expect(((await storedPresets())?.builtIn.full as { steps: Array<{ id: string }> }).steps.map((s) => s.id).slice(0, 3)).toEqual([
          'roll-left',
          'walk',
          'roll-right',
        ]),
      );
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move “Roll your left foot” up' }).disabled).toBe(true);
    });

    it('duplicates into a custom routine, renames it, and deletes it', async () => {
      vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
      render(<App />);
      fireEvent.click(await screen.findByRole('button', { name: 'Duplicate as my own routine' }));
      await waitFor(async () => expect((await storedPresets())?.custom.map((p) => p.name)).toEqual(['Full reset (copy)']));
      commit(await screen.findByLabelText('Name'), 'Evening');
      await waitFor(async () => expect((await storedPresets())?.custom.map((p) => p.name)).toEqual(['Evening']));
      fireEvent.click(screen.getByRole('button', { name: 'Delete this routine' }));
      fireEvent.click(
        within(screen.getByRole('group', { name: /^Delete “Evening”\? This cannot be undone\./ })).getByRole('button', { name: 'Delete routine' }),
      );
      await waitFor(async () => expect((await storedPresets())?.custom).toEqual([]));
    });

    it('resets a built-in routine', async () => {
      await fakeBrowser.storage.sync.set({ presets: { builtIn: { full: { name: 'Mine' } }, custom: [] } });
      render(<App />);
      fireEvent.click(await screen.findByRole('button', { name: 'Reset to the original' }));
      fireEvent.click(within(screen.getByRole('group', { name: /^Reset “Mine” to the original\?/ })).getByRole('button', { name: 'Reset routine' }));
      await waitFor(async () => expect((await storedPresets())?.builtIn).toEqual({}));
    });

    it.each([
      ['Delete this routine', { builtIn: {}, custom: [{ id: 'custom-a', name: 'Evening', steps: [] as unknown[] }] }],
      ['Reset to the original', { builtIn: { full: { name: 'Mine' } }, custom: [] }],
    ])('%s asks first, and Cancel keeps the routine as it was', async (action, presets) => {
      const desk = BUILT_IN_PRESETS.find((p) => p.id === 'desk')!;
      const stored = { ...presets, custom: presets.custom.map((p) => ({ ...p, steps: desk.steps })) };
      await fakeBrowser.storage.sync.set({ presets: stored });
      render(<App />);
      if (stored.custom.length > 0) fireEvent.change(await screen.findByLabelText('Routine to edit'), { target: { value: 'custom-a' } });
      const send = vi.spyOn(messaging, 'sendMessage');
      fireEvent.click(await screen.findByRole('button', { name: action }));
      const question = await screen.findByRole('group', { name: /cannot be undone|will be lost/ });
      fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('group', { name: /cannot be undone|will be lost/ })).toBeNull());
      // A rename after Cancel goes down the same channel, so any write the question made was sent before it;
      // once the rename is stored, that write would be too.
      const name = screen.getByLabelText<HTMLInputElement>('Name');
      commit(name, `${name.value} again`);
      const renamed =
        stored.custom.length > 0
          ? { ...stored, custom: stored.custom.map((p) => ({ ...p, name: `${p.name} again` })) }
          : { ...stored, builtIn: { full: { name: 'Mine again' } } };
      await waitFor(async () => expect(await storedPresets()).toEqual(renamed));
      expect(send.mock.calls.filter(([type]) => type === 'settings')).toEqual([['settings', { type: 'presets', customisations: renamed }]]);
    });
  });

  describe('your data', () => {
    beforeEach(() => {
      vi.spyOn(messaging, 'sendMessage').mockResolvedValue({ ok: true } as never);
    });

    function upload(content: string, name = 'data.json') {
      const input = document.getElementById('import-file') as HTMLInputElement;
      const file = new File([content], name, { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    }

    it('refuses a file that is not JSON and changes nothing', async () => {
      render(<App />);
      await screen.findByText('Import…');
      upload('not json at all');
      expect((await screen.findByRole('alert')).textContent).toBe('This file is not JSON. Choose a file exported by Roll Call. Nothing was changed.');
      expect(messaging.sendMessage).not.toHaveBeenCalled();
    });

    it.each([
      [
        'a routine with no step on, by its name',
        {
          builtIn: { desk: { steps: ['roll-left', 'roll-right', 'walk', 'calf-left', 'calf-right'].map((id) => ({ id, durationSec: 60, enabled: false })) } },
          custom: [],
        },
        [],
        'The routine “Desk break” in this file has no step turned on. Nothing was changed.',
      ],
      [
        'how many history entries have a day that does not fit, and the first',
        { builtIn: {}, custom: [] },
        [
          { type: 'skipped', at: Date.UTC(2025, 0, 15, 12), day: '2025-01-15' },
          { type: 'skipped', at: Date.UTC(2025, 0, 15, 12), day: '0000-00-00' },
          { type: 'skipped', at: Date.UTC(2025, 0, 15, 12), day: '2025-01-18' },
        ],
        'History entries in this file whose day does not exist or does not match their time: 2 (the first is entry 2). Nothing was changed.',
      ],
    ])('refuses a file and says what is wrong: %s', async (_, presets, events, message) => {
      render(<App />);
      await screen.findByText('Import…');
      upload(JSON.stringify({ format: 'roll-call-export', version: 1, settings: {}, presets, events }));
      expect((await screen.findByRole('alert')).textContent).toBe(message);
      expect(messaging.sendMessage).not.toHaveBeenCalled();
    });

    it('says what holds no history in words, and shows an import error by Import…, not by Reset everything…', async () => {
      render(<App />);
      await screen.findByText('Import…');
      upload(JSON.stringify({ format: 'roll-call-export', version: 1, settings: {}, presets: { builtIn: {}, custom: [] }, events: [] }));
      expect(await screen.findByText('This file holds no history, your settings and 0 routines of your own.')).toBeTruthy();
      upload('not json at all');
      const alert = await screen.findByRole('alert');
      const importLabel = screen.getByText('Import…');
      const reset = screen.getByRole('button', { name: 'Reset everything…' });
      expect(alert.previousElementSibling).toBe(importLabel.closest('.field-row'));
      expect(alert.compareDocumentPosition(reset) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    it('refuses a file over 5 MB by its size, before reading it', async () => {
      render(<App />);
      await screen.findByText('Import…');
      const input = document.getElementById('import-file') as HTMLInputElement;
      const file = new File(['{}'], 'big.json', { type: 'application/json' });
      Object.defineProperty(file, 'size', { value: 5 * 1024 * 1024 + 1 });
      const read = vi.spyOn(file, 'text');
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
      expect((await screen.findByRole('alert')).textContent).toMatch(/^This file is over 5 MB/);
      expect(read).not.toHaveBeenCalled();
    });

    it('shows what a good file holds and imports it only when confirmed', async () => {
      render(<App />);
      await screen.findByText('Import…');
      const events = [
        { type: 'skipped', at: new Date(2025, 9, 3, 12).getTime(), day: '2025-10-03' },
        { type: 'comfortRated', at: new Date(2025, 10, 28, 12).getTime(), day: '2025-11-28', feet: 6 },
      ];
      const bundle = { format: 'roll-call-export', version: 1, settings: { sittingIntervalMin: 40 }, presets: { builtIn: {}, custom: [] }, events };
      upload(JSON.stringify(bundle));
      // Everyday words and dates, with the year as it is not this one; no ISO dates, no count of “entries”.
      expect((await screen.findByRole('group', { name: /^This file holds/ })).querySelector('#import-summary')!.textContent).toBe(
        'This file holds your routines, breaks and comfort ratings from Oct 3, 2025 to Nov 28, 2025, your settings and 0 routines of your own.',
      );
      expect(messaging.sendMessage).not.toHaveBeenCalled();
      fireEvent.click(screen.getByRole('button', { name: 'Replace my data' }));
      await waitFor(() =>
        expect(messaging.sendMessage).toHaveBeenCalledWith('data', { type: 'import', bundle: expect.objectContaining({ format: 'roll-call-export' }) }),
      );
      expect(await screen.findByText('Imported.')).toBeTruthy();
    });

    it('asks before resetting everything, and says synced settings change everywhere', async () => {
      render(<App />);
      fireEvent.click(await screen.findByRole('button', { name: 'Reset everything…' }));
      expect(screen.getByText(/they change on every device/)).toBeTruthy();
      expect(messaging.sendMessage).not.toHaveBeenCalled();
      fireEvent.click(screen.getByRole('button', { name: 'Reset everything' }));
      await waitFor(() => expect(messaging.sendMessage).toHaveBeenCalledWith('data', { type: 'reset' }));
    });
  });

  it('links to the welcome page from the top of the page and from About, and has no welcome box of its own', async () => {
    render(<App />);
    const links = await screen.findAllByRole('link', { name: 'Show the welcome again' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/welcome.html', '/welcome.html']);
    // The first one is in the navigation at the top, where it is seen without scrolling.
    expect(links[0]!.closest('nav')).not.toBeNull();
    expect(screen.queryByRole('heading', { name: 'Welcome to Roll Call' })).toBeNull();
  });

  it('keeps “remind on this browser” on this device only', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Remind on this browser' }));
    await waitFor(async () => expect(await fakeBrowser.storage.local.get('remindHere')).toEqual({ remindHere: false }));
    expect(await storedSettings()).toBeUndefined();
  });

  it('“Follow breaks across my devices” is on by default and saves to the synced settings', async () => {
    render(<App />);
    const toggle = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Follow breaks across my devices' });
    expect(toggle.checked).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBe('field-followBreaks-hint');
    fireEvent.click(toggle);
    await waitFor(async () => expect((await storedSettings())?.followBreaks).toBe(false));
  });

  describe('keyboard shortcuts', () => {
    it('lists the keys in use, says where to change them, and opens that page', async () => {
      fakeCommands.inUse[2]!.shortcut = '';
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      render(<App />);
      const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
      await waitFor(() =>
        expect(
          within(section)
            .getAllByRole('definition')
            .map((d) => d.textContent),
        ).toEqual(['Alt+Shift+G', 'Alt+Shift+H', 'Not set', 'Alt+Shift+O', 'Not set']),
      );
      expect(
        within(section)
          .getAllByRole('term')
          .map((d) => d.textContent),
      ).toEqual([
        'Take a break now (start the break routine)',
        'Pause or resume the running routine',
        'Snooze the break reminder',
        'Open the routine timer',
        "Open Roll Call's toolbar button",
      ]);
      expect(section.textContent).toContain('chrome://extensions/shortcuts');
      fireEvent.click(within(section).getByRole('button', { name: 'Change shortcuts' }));
      await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' }));
    });

    it('reads them again when the page comes back into view', async () => {
      render(<App />);
      const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
      await within(section).findByText('Alt+Shift+G');
      fakeCommands.inUse[0]!.shortcut = 'Ctrl+Shift+9';
      document.dispatchEvent(new Event('visibilitychange'));
      expect(await within(section).findByText('Ctrl+Shift+9')).toBeTruthy();
    });

    it('says so when the browser does not report them', async () => {
      vi.mocked(fakeBrowser.commands.getAll).mockRejectedValue(new Error('not supported'));
      render(<App />);
      const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
      expect(await within(section).findByText('This browser did not say which keys are set.')).toBeTruthy();
    });
  });

  it('says when stored settings could not be read, and keeps working', async () => {
    await fakeBrowser.storage.sync.set({ settings: { snoozeMin: -3 } });
    render(<App />);
    expect((await screen.findByText(/could not be read/)).textContent).toContain('Snooze length (minutes)');
    expect((await screen.findByLabelText<HTMLInputElement>('Snooze length (minutes)')).value).toBe('10');
  });
});
