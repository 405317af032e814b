import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '@/utils/settings/settings';
import { isCounting, nextActiveStart } from '@/utils/sitting/schedule';
import { formatMoment } from '@/utils/format';
import { settingsItem } from '@/utils/platform/storage/items';
import { sendRequest } from '@/utils/platform/messaging/send';
import { t } from '@/utils/platform/i18n';
import { useStorageItem } from '@/components/use-storage';
import { PinPicture } from './PinPicture';

export interface WelcomeProps {
  /** When the page opened: whether that is inside the active hours decides what the hours section says. */
  now: number;
}

const SETTINGS_PAGE = '/options.html';
// Monday first, as the settings page lists the days.
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** The active days as a reader says them: "Mon–Fri" for a run of three or more, else "Mon, Wed, Fri". */
export function activeDaysText(days: readonly number[]): string {
  const positions = WEEK.flatMap((day, i) => (days.includes(day) ? [i] : []));
  const name = (i: number) => t(`weekday_short_${WEEK[i] ?? 0}`);
  const first = positions[0];
  const last = positions.at(-1);
  const isRun = first !== undefined && last !== undefined && last - first === positions.length - 1;
  return isRun && positions.length >= 3 ? `${name(first)}–${name(last)}` : positions.map(name).join(', ');
}

function HoursSection({ settings, now }: { settings: Settings; now: number }) {
  const next = nextActiveStart(settings, now);
  const locale = browser.i18n.getUILanguage();
  return (
    <section aria-labelledby="hours-heading">
      <h2 id="hours-heading">{t('welcome_hours_heading')}</h2>
      {settings.activeDays.length === 0 ? (
        <p class="welcome__note">{t('welcome_no_days')}</p>
      ) : (
        <>
          <p>{t('welcome_hours_set', activeDaysText(settings.activeDays), settings.activeStart, settings.activeEnd, settings.sittingIntervalMin)}</p>
          {!isCounting(settings, now) && next !== undefined && <p class="welcome__note">{t('welcome_outside_now', formatMoment(next, now, locale))}</p>}
        </>
      )}
      <p>
        <a href={`${SETTINGS_PAGE}#active-hours`}>{t('welcome_change_hours')}</a>
      </p>
    </section>
  );
}

type TestStep = 'idle' | 'asking' | 'seen' | 'unseen';

function TestSection({ settings }: { settings: Settings }) {
  const [step, setStep] = useState<TestStep>('idle');
  const [switched, setSwitched] = useState(false);
  const sendTest = async () => {
    const reply = await sendRequest('sitting', { type: 'testReminder' });
    if (reply.ok) setStep('asking');
  };
  const switchToWindows = async () => {
    const reply = await sendRequest('settings', { type: 'patch', patch: { remindWith: 'window' } });
    if (reply.ok) setSwitched(true);
  };
  const windowsOn = switched || settings.remindWith === 'window';
  return (
    <section aria-labelledby="test-heading">
      <h2 id="test-heading">{t('welcome_test_heading')}</h2>
      <p>{t('welcome_test_what')}</p>
      <button type="button" class="primary" onClick={() => void sendTest()}>
        {t('welcome_send_test')}
      </button>
      {step === 'asking' && (
        <div class="welcome__confirm" role="group" aria-labelledby="test-question">
          <p id="test-question">{t('welcome_did_you_see')}</p>
          <button type="button" onClick={() => setStep('seen')}>
            {t('yes')}
          </button>{' '}
          <button type="button" onClick={() => setStep('unseen')}>
            {t('no')}
          </button>
        </div>
      )}
      {step === 'seen' && <p class="welcome__done">{t('welcome_seen')}</p>}
      {step === 'unseen' && (
        <div class="welcome__confirm">
          <p>{t('welcome_unseen')}</p>
          <button type="button" disabled={windowsOn} onClick={() => void switchToWindows()}>
            {windowsOn ? t('welcome_switched') : t('welcome_switch_to_window')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The first-run page: what counts, when it reminds, what you need, pinning the button, and a test reminder. */
export function Welcome({ now }: WelcomeProps) {
  const parsed = useStorageItem(settingsItem, parseSettings);
  if (!parsed) return <main aria-busy="true" />;
  const { settings } = parsed;
  return (
    <main class="welcome">
      <h1>{t('options_welcome')}</h1>
      <p class="welcome__intro">{t('welcome_intro')}</p>
      <section aria-labelledby="sitting-heading">
        <h2 id="sitting-heading">{t('welcome_sitting_heading')}</h2>
        <p>{t('welcome_sitting')}</p>
        <p>{t('welcome_break', settings.breakThresholdMin)}</p>
      </section>
      <HoursSection settings={settings} now={now} />
      <section aria-labelledby="ball-heading">
        <h2 id="ball-heading">{t('welcome_ball_heading')}</h2>
        <p>{t('welcome_ball')}</p>
      </section>
      <section aria-labelledby="pin-heading">
        <h2 id="pin-heading">{t('welcome_pin_heading')}</h2>
        <p>{t('welcome_pin_steps')}</p>
        <PinPicture />
      </section>
      <TestSection settings={settings} />
      <p class="welcome__end">
        <a href={SETTINGS_PAGE}>{t('welcome_open_settings')}</a>
      </p>
      <p class="welcome__disclaimer">{t('options_disclaimer')}</p>
    </main>
  );
}
