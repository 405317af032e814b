import { useState } from 'preact/hooks';
import { parseSettings } from '@/utils/settings/settings';
import { presetsItem, settingsItem, sittingItem } from '@/utils/platform/storage/items';
import { parsePresetCustomisations } from '@/utils/routine/presets-schema';
import { enabledSteps, findPreset, presetDurationSec, resolvePresets } from '@/utils/routine/presets';
import { formatClock } from '@/utils/format';
import { presetName } from '@/components/preset-name';
import { parseSittingState } from '@/utils/sitting/schema';
import { sittingMs } from '@/utils/sitting/rules';
import { sendRequest } from '@/utils/platform/messaging/send';
import { TEST_REMINDER_ID, type SittingRequest } from '@/utils/protocol/messages';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { useStorageItem } from '@/components/use-storage';
import { StepPicture } from '@/components/StepPicture';

export interface ReminderChoiceProps {
  reminderId: string | undefined;
  /** Why a button on the notification was refused, when the background opened this window to say so. */
  initialError?: MessageKey;
  onDone: () => void;
}

/**
 * The break choice in a window of its own: where notifications have no
 * buttons (Firefox), when the body of a notification is clicked, and for
 * users who chose reminder windows because the OS hides notifications.
 */
export function ReminderChoice({ reminderId, initialError, onDone }: ReminderChoiceProps) {
  const parsed = useStorageItem(settingsItem, parseSettings);
  const sitting = useStorageItem(sittingItem, (raw) => parseSittingState(raw, Date.now()).state);
  const stored = useStorageItem(presetsItem, parsePresetCustomisations);
  const [error, setError] = useState<MessageKey | undefined>(initialError);
  if (!parsed || !sitting || !stored) return <main aria-busy="true" />;

  // The test reminder is never stored, so it never passes; its answers are real commands, which the background
  // treats as a test's: Start starts the break routine, Snooze and Skip only take the test off the screen.
  const test = reminderId === TEST_REMINDER_ID;
  // Only a reminder on screen now can be answered; a snoozed or stale one has passed.
  const shown = sitting.reminder?.shownAt !== undefined ? sitting.reminder : undefined;
  const current = shown !== undefined && (reminderId === undefined || shown.id === reminderId);
  const send = async (request: SittingRequest) => {
    const reply = await sendRequest('sitting', request);
    if (reply.ok) onDone();
    else setError(reply.error);
  };

  const id = test ? TEST_REMINDER_ID : current ? shown.id : undefined;
  if (id === undefined) {
    return (
      <main class="reminder">
        <p class="reminder__app">{t('extName')}</p>
        <p>{t('reminder_passed')}</p>
        <button type="button" onClick={onDone}>
          {t('reminder_close')}
        </button>
      </main>
    );
  }
  // What Start will run, so that nobody starts a 19-minute routine expecting a 5-minute one; its first step shown
  // still: the reminder invites, the routine itself plays the movement.
  const routine = findPreset(resolvePresets(stored.customisations), parsed.settings.breakPresetId);
  const firstStep = routine && enabledSteps(routine)[0];
  return (
    <main class={`reminder${test ? ' reminder--test' : ''}`}>
      <p class="reminder__app">{t('extName')}</p>
      <h1>{test ? t('reminder_test_title') : t('reminder_title')}</h1>
      <div class="reminder__intro">
        {firstStep && <StepPicture step={firstStep} size="medium" still />}
        <div>
          <p>{test ? t('reminder_test_window') : t('status_sitting', Math.floor(sittingMs(sitting, Date.now()) / 60_000))}</p>
          {routine && <p class="reminder__routine">{t('reminder_routine', presetName(routine), formatClock(presetDurationSec(routine) * 1000))}</p>}
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {t(error)}
        </p>
      )}
      <div class="reminder__actions">
        <button type="button" class="primary" onClick={() => void send({ type: 'startBreak', reminderId: id })} autoFocus>
          {t('reminder_start')}
        </button>
        {/* The two ways of not now share a row, where it is wide enough for both labels. */}
        <div class="reminder__later">
          <button type="button" onClick={() => void send({ type: 'snooze', reminderId: id })}>
            {t('reminder_snooze', parsed.settings.snoozeMin)}
          </button>
          <button type="button" onClick={() => void send({ type: 'skip', reminderId: id })}>
            {t('reminder_skip')}
          </button>
        </div>
      </div>
    </main>
  );
}
