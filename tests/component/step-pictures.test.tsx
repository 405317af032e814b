// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messaging } from '@/utils/platform/messaging/send';
import { IDLE, applyRoutineCommand } from '@/utils/routine/timer';
import { BUILT_IN_PRESETS, SIDES, STEP_KINDS } from '@/utils/routine/presets';
import { StepPicture } from '@/components/StepPicture';
import { App as PopupApp } from '@/entrypoints/popup/App';
import { App as OptionsApp } from '@/entrypoints/options/App';
import { ReminderChoice } from '@/entrypoints/reminder/ReminderChoice';
import { seedSnapshot } from '../snapshot';

const T0 = new Date(2026, 10, 25, 10, 0).getTime();
const MIN = 60_000;
const desk = BUILT_IN_PRESETS.find((p) => p.id === 'desk')!;

/** Each drawing in a part of the page, as the file it shows, whether it is mirrored, and whether it holds still. */
function pictures(root: ParentNode = document) {
  return [...root.querySelectorAll<HTMLImageElement>('img.picture')].map((img) => {
    const [file, fragment] = (img.getAttribute('src') ?? '').split('#');
    return { file, mirrored: img.classList.contains('picture--mirrored'), still: fragment === 'still' };
  });
}

const moving = (kind: string, mirrored = false) => ({ file: `/drawings/${kind}.svg`, mirrored, still: false });

function preferLessMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query === '(prefers-reduced-motion: reduce)' }));
}

describe('step pictures', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 20_000);
    preferLessMotion(false);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it.each(STEP_KINDS.flatMap((kind) => SIDES.map((side) => [kind, side] as const)))(
    'shows the %s drawing for the %s side, mirrored only for the right, with the text as its alternative',
    (kind, side) => {
      render(<StepPicture step={{ kind, side }} size="large" />);
      expect(pictures()).toEqual([moving(kind, side === 'right')]);
      // Empty alt: the title and instructions beside it say it all, so screen readers skip the image.
      expect(document.querySelector('img')?.getAttribute('alt')).toBe('');
    },
  );

  it('holds still when asked, and when the page prefers less motion', () => {
    render(<StepPicture step={{ kind: 'walk', side: 'none' }} size="small" still />);
    expect(pictures()).toEqual([{ ...moving('walk'), still: true }]);
    cleanup();
    preferLessMotion(true);
    render(<StepPicture step={{ kind: 'calfStretch', side: 'right' }} size="large" />);
    expect(pictures()).toEqual([{ ...moving('calfStretch', true), still: true }]);
  });

  describe('in the running view', () => {
    beforeEach(() => {
      vi.spyOn(messaging, 'sendMessage').mockResolvedValue({ ok: true } as never);
    });

    it('shows the step large and the next step small in the Next line, the right foot mirrored', async () => {
      const started = applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: desk.steps }, T0).state;
      await seedSnapshot({ routine: started });
      render(<PopupApp inWindow={false} />);
      await screen.findByRole('heading', { name: 'Roll your left foot' });
      expect(pictures(document.querySelector('.running__stage')!)).toEqual([moving('roll')]);
      expect(pictures(screen.getByText('Next: Roll your right foot'))).toEqual([moving('roll', true)]);
    });

    it('shows the right side mirrored, and no picture on the Last step line', async () => {
      let state = applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: desk.steps }, T0).state;
      for (let i = 0; i < 4; i++) state = applyRoutineCommand(state, { type: 'skip' }, T0).state;
      await seedSnapshot({ routine: state });
      render(<PopupApp inWindow />);
      await screen.findByRole('heading', { name: 'Stretch your right calf' });
      expect(pictures(document.querySelector('.running__stage')!)).toEqual([moving('calfStretch', true)]);
      expect(pictures(screen.getByText('Last step'))).toEqual([]);
    });
  });

  it('shows each step of the chosen routine in the idle view’s list', async () => {
    await seedSnapshot();
    render(<PopupApp inWindow={false} />);
    const steps = await screen.findByRole('region', { name: 'Steps' });
    expect(pictures(steps)).toEqual([moving('roll'), moving('roll', true), moving('walk'), moving('calfStretch'), moving('calfStretch', true)]);
  });

  it('shows each step in the routine editor', async () => {
    render(<OptionsApp />);
    const list = await screen.findByRole('list', { name: 'Steps of Full reset' });
    expect(pictures(list)).toEqual([
      moving('roll'),
      moving('roll', true),
      moving('walk'),
      moving('calfStretch'),
      moving('calfStretch', true),
      moving('hamstringStretch'),
      moving('hamstringStretch', true),
    ]);
    expect(pictures(within(list).getByRole('checkbox', { name: 'Walk barefoot' }).closest('li')!)).toEqual([moving('walk')]);
  });

  describe('in the reminder window', () => {
    const shown = { sittingSince: T0 - 46 * MIN, lastSeenAt: T0, reminder: { id: 'rabc', dueAt: T0 - MIN, shownAt: T0 - MIN, snoozes: 0 } };

    it('shows the break routine’s first step, still', async () => {
      await fakeBrowser.storage.local.set({ sitting: shown });
      render(<ReminderChoice reminderId="rabc" onDone={vi.fn()} />);
      await screen.findByText('Sitting for 46 min');
      await vi.waitFor(() => expect(pictures()).toEqual([{ ...moving('roll'), still: true }]));
    });

    it('follows the user’s changes: with the left foot turned off, the right foot, mirrored', async () => {
      await fakeBrowser.storage.local.set({ sitting: shown });
      const steps = desk.steps.map((s) => ({ id: s.id, durationSec: s.durationSec, enabled: s.id !== 'roll-left' }));
      await fakeBrowser.storage.sync.set({ presets: { builtIn: { desk: { steps } }, custom: [] } });
      render(<ReminderChoice reminderId="rabc" onDone={vi.fn()} />);
      await screen.findByText('Sitting for 46 min');
      await vi.waitFor(() => expect(pictures()).toEqual([{ ...moving('roll', true), still: true }]));
    });
  });
});
