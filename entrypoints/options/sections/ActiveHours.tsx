import { useState } from 'preact/hooks';
import { crossesMidnight, isClockTime } from '@/utils/sitting/schedule';
import type { Settings } from '@/utils/settings/settings';
import { t, type MessageKey } from '@/utils/platform/i18n';
import type { PolicyField } from '@/utils/settings/policy';
import { useReportValidity } from '@/components/fields/validity';

export interface ActiveHoursProps {
  settings: Settings;
  /** Settings the organisation's policy locks. */
  locked: readonly PolicyField[];
  save: (patch: Partial<Settings>) => void;
}

// Monday first, as most of the working world reads a week.
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

export function ActiveHours({ settings, locked, save }: ActiveHoursProps) {
  const [timeError, setTimeError] = useState<MessageKey | undefined>();
  useReportValidity('active-hours', timeError !== undefined);
  const toggleDay = (day: number, on: boolean) => {
    const days = on ? [...settings.activeDays, day] : settings.activeDays.filter((d) => d !== day);
    save({ activeDays: WEEK.filter((d) => days.includes(d)) });
  };
  const saveTime = (field: 'activeStart' | 'activeEnd', value: string) => {
    const other = field === 'activeStart' ? settings.activeEnd : settings.activeStart;
    if (!isClockTime(value)) {
      setTimeError('error_time');
      return;
    }
    if (value === other) {
      setTimeError('error_same_time');
      return;
    }
    setTimeError(undefined);
    save({ [field]: value });
  };
  return (
    <section id="active-hours" aria-labelledby="active-hours-heading">
      <h2 id="active-hours-heading">{t('options_active_hours')}</h2>
      <fieldset class="field days" aria-describedby={locked.includes('activeDays') ? 'activeDays-locked' : undefined}>
        <legend>{t('field_activeDays')}</legend>
        {WEEK.map((day) => (
          <label key={day} class="day">
            <input
              type="checkbox"
              checked={settings.activeDays.includes(day)}
              disabled={locked.includes('activeDays')}
              onChange={(e) => toggleDay(day, e.currentTarget.checked)}
            />
            {t(`weekday_short_${day}`)}
          </label>
        ))}
        {locked.includes('activeDays') && (
          <p id="activeDays-locked" class="field__hint">
            {t('policy_locked')}
          </p>
        )}
      </fieldset>
      {settings.activeDays.length === 0 && (
        <p class="warning" role="status">
          {t('warning_no_days')}
        </p>
      )}
      <div class="field-row field-row--top">
        {(['activeStart', 'activeEnd'] as const).map((field) => (
          <div class="field" key={field}>
            <label for={`field-${field}`}>{t(`field_${field}`)}</label>
            <input
              id={`field-${field}`}
              type="time"
              value={settings[field]}
              disabled={locked.includes(field)}
              aria-invalid={timeError ? 'true' : 'false'}
              aria-describedby={[timeError ? 'active-hours-error' : '', locked.includes(field) ? `${field}-locked` : ''].join(' ').trim() || undefined}
              onChange={(e) => saveTime(field, e.currentTarget.value)}
            />
            {locked.includes(field) && (
              <p id={`${field}-locked`} class="field__hint">
                {t('policy_locked')}
              </p>
            )}
          </div>
        ))}
      </div>
      {timeError && (
        <p id="active-hours-error" class="field__error">
          {t(timeError)}
        </p>
      )}
      {crossesMidnight(settings) && <p class="field__hint">{t('hint_crosses_midnight', settings.activeStart, settings.activeEnd)}</p>}
    </section>
  );
}
