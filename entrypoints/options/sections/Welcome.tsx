import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings/settings';
import { sendCommand } from '@/utils/platform/messaging';
import { t } from '@/utils/platform/i18n';

export interface WelcomeProps {
  settings: Settings;
  save: (patch: Partial<Settings>) => void;
  onClose: () => void;
}

type TestStep = 'idle' | 'asking' | 'seen' | 'unseen';

/** First-run guide, reachable again from About: what counts, what you need, and a test reminder. */
export function Welcome({ settings, save, onClose }: WelcomeProps) {
  const [test, setTest] = useState<TestStep>('idle');
  const sendTest = async () => {
    const reply = await sendCommand('sitting', { type: 'testReminder' });
    if (reply.ok) setTest('asking');
  };
  return (
    <section id="welcome" class="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('options_welcome')}</h2>
      <p>{t('options_intro')}</p>
      <ol class="welcome__list">
        <li>{t('welcome_counts')}</li>
        <li>{t('welcome_ball')}</li>
        <li>
          {t('welcome_hours', settings.sittingIntervalMin)} <a href="#active-hours">{t('options_active_hours')}</a> ·{' '}
          <a href="#reminders">{t('options_reminders')}</a>
        </li>
        <li>{t('welcome_pin')}</li>
        <li>
          {t('welcome_test')}{' '}
          <button type="button" onClick={() => void sendTest()}>
            {t('welcome_send_test')}
          </button>
        </li>
      </ol>
      {test === 'asking' && (
        <div class="confirm" role="group" aria-labelledby="test-question">
          <p id="test-question">{t('welcome_did_you_see')}</p>
          <div class="field-row">
            <button type="button" onClick={() => setTest('seen')}>
              {t('yes')}
            </button>
            <button type="button" onClick={() => setTest('unseen')}>
              {t('no')}
            </button>
          </div>
        </div>
      )}
      {test === 'seen' && <p class="done">{t('welcome_seen')}</p>}
      {test === 'unseen' && (
        <div class="confirm">
          <p>{t('welcome_unseen')}</p>
          <button
            type="button"
            class="primary"
            disabled={settings.remindWith === 'window'}
            onClick={() => save({ remindWith: 'window' })}
          >
            {settings.remindWith === 'window' ? t('welcome_switched') : t('welcome_switch_to_window')}
          </button>
        </div>
      )}
      <button type="button" class="link" onClick={onClose}>
        {t('welcome_close')}
      </button>
    </section>
  );
}
