import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { nextActiveStart } from '@/utils/sitting/schedule';
import { PAUSE_CHOICES, nextBreakAt, sittingMs, sittingMode, type SittingView } from '@/utils/sitting/rules';
import type { Settings } from '@/utils/settings/settings';
import type { SittingRequest } from '@/utils/protocol/commands';
import { ceilMinutes, formatMoment } from '@/utils/format';
import { t, type MessageKey } from '@/utils/platform/i18n';

export interface SittingStatusProps {
  state: SittingView;
  settings: Settings;
  now: number;
  send(request: SittingRequest): void;
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
export function SittingStatus({ state, settings, now, send }: SittingStatusProps) {
  const [choosingPause, setChoosingPause] = useState(false);
  const mode = sittingMode(state, { now, settings });
  const [first, second] = statusLines(state, settings, now);
  return (
    <section class="status" aria-labelledby="status-heading">
      <h2 id="status-heading" class="visually-hidden">
        {t('status_heading')}
      </h2>
      <p class="status__main">{first}</p>
      {second && <p class="status__next">{second}</p>}
      <div class="status__actions">
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
            <button type="button" onClick={() => send({ type: 'startBreak' })}>
              {t('status_take_break')}
            </button>
            <button type="button" aria-expanded={choosingPause} onClick={() => setChoosingPause(!choosingPause)}>
              {t('status_pause')}
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
