import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { nextActiveStart } from '@/utils/sitting/schedule';
import { PAUSE_CHOICES, nextBreakAt, sittingMs, sittingMode, type SittingView } from '@/utils/sitting/rules';
import type { Settings } from '@/utils/settings/settings';
import type { SittingRequest } from '@/utils/protocol/messages';
import { ceilMinutes, formatMoment } from '@/utils/format';
import { t } from '@/utils/platform/i18n';

export interface SittingStatusProps {
  state: SittingView;
  settings: Settings;
  now: number;
  send: (request: SittingRequest) => void;
  /** "Remind on this browser": when off, no reminder comes here, and the block says so instead of promising one. */
  remindHere: boolean;
  turnRemindersOn: () => void;
}

const OPTIONS_ACTIVE_HOURS = '/options.html#active-hours';

/** The settings at their active hours, in a tab; the popup closes, as it would when it loses focus. */
function openActiveHours(event: Event) {
  event.preventDefault();
  void browser.tabs.create({ url: browser.runtime.getURL(OPTIONS_ACTIVE_HOURS) }).then(() => window.close());
}

function statusLines(state: SittingView, settings: Settings, now: number): string[] {
  const locale = browser.i18n.getUILanguage();
  const mode = sittingMode(state, { now, settings });
  const sitting = t('status_sitting', Math.floor(sittingMs(state, now) / 60_000));
  switch (mode) {
    case 'routine':
      return [t('status_routine')];
    case 'paused':
      return [state.pause?.until != null ? t('status_paused_until', formatMoment(state.pause.until, now, locale)) : t('status_paused')];
    case 'outside': {
      const next = nextActiveStart(settings, now);
      return [next === undefined ? t('status_outside_no_days') : t('status_outside', formatMoment(next, now, locale))];
    }
    case 'away':
      return [sitting, t('status_away')];
    case 'tracking': {
      const reminder = state.reminder;
      if (reminder?.snoozedUntil !== undefined) return [sitting, t('status_snoozed', formatMoment(reminder.snoozedUntil, now, locale))];
      if (reminder) return [sitting, t('status_break_due')];
      return [sitting, t('status_next_break', ceilMinutes((nextBreakAt(state, settings) ?? now) - now))];
    }
  }
}

/** The popup's sitting block: how long you have sat, when the next break comes, and pause or resume. */
export function SittingStatus({ state, settings, now, send, remindHere, turnRemindersOn }: SittingStatusProps) {
  const [choosingPause, setChoosingPause] = useState(false);
  const mode = sittingMode(state, { now, settings });
  const [first, normalSecond] = statusLines(state, settings, now);
  const remindersOff = !remindHere && mode !== 'routine';
  const second = remindersOff ? t('status_reminders_off') : normalSecond;
  return (
    <section class="status" aria-labelledby="status-heading">
      <h2 id="status-heading" class="visually-hidden">
        {t('status_heading')}
      </h2>
      <p class="status__main">{first}</p>
      {second && <p class="status__next">{second}</p>}
      {mode === 'outside' && (
        <p class="status__link">
          <a href={OPTIONS_ACTIVE_HOURS} onClick={openActiveHours}>
            {t('status_change_hours')}
          </a>
        </p>
      )}
      <div class="status__actions">
        {remindersOff && (
          <button type="button" onClick={turnRemindersOn}>
            {t('status_turn_reminders_on')}
          </button>
        )}
        {mode === 'paused' ? (
          <button type="button" onClick={() => send({ type: 'resume' })}>
            {t('status_resume')}
          </button>
        ) : mode === 'outside' ? (
          <button type="button" onClick={() => send({ type: 'remindAnyway' })}>
            {t('status_remind_anyway')}
          </button>
        ) : mode !== 'routine' ? (
          <>
            {!remindersOff && (
              <button type="button" aria-expanded={choosingPause} onClick={() => setChoosingPause(!choosingPause)}>
                {t('status_pause')}
              </button>
            )}
            {/* Secondary: the popup's one primary action is Start routine below, which starts the same routine by default. */}
            <button type="button" class="link" title={t('status_take_break_hint')} onClick={() => send({ type: 'startBreak' })}>
              {t('status_take_break')}
            </button>
          </>
        ) : null}
      </div>
      {choosingPause && mode !== 'paused' && (
        <fieldset class="status__pause">
          <legend>{t('status_pause_choose')}</legend>
          {PAUSE_CHOICES.map((choice) => (
            <button
              key={choice}
              type="button"
              onClick={() => {
                setChoosingPause(false);
                send({ type: 'pause', choice });
              }}
            >
              {t(`status_pause_${choice}`)}
            </button>
          ))}
        </fieldset>
      )}
    </section>
  );
}
