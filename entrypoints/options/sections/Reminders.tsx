import { REMIND_WITH, type Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { NumberSetting } from '@/components/fields/NumberSetting';
import { Toggle } from '@/components/fields/Toggle';
import type { PolicyField } from '@/utils/settings/policy';

export interface RemindersProps {
  settings: Settings;
  remindHere: boolean;
  /** Settings the organisation's policy locks. */
  locked: readonly PolicyField[];
  save: (patch: Partial<Settings>) => void;
  setRemindHere: (value: boolean) => void;
}

export function Reminders({ settings, remindHere, locked, save, setRemindHere }: RemindersProps) {
  return (
    <section id="reminders" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('options_reminders')}</h2>
      <NumberSetting
        field="sittingIntervalMin"
        value={settings.sittingIntervalMin}
        hint={t('hint_sittingIntervalMin')}
        locked={locked.includes('sittingIntervalMin')}
        onSave={(v) => save({ sittingIntervalMin: v })}
      />
      <NumberSetting
        field="breakThresholdMin"
        value={settings.breakThresholdMin}
        hint={t('hint_breakThresholdMin')}
        locked={locked.includes('breakThresholdMin')}
        onSave={(v) => save({ breakThresholdMin: v })}
      />
      <NumberSetting field="snoozeMin" value={settings.snoozeMin} locked={locked.includes('snoozeMin')} onSave={(v) => save({ snoozeMin: v })} />
      <fieldset class="field">
        <legend>{t('field_remindWith')}</legend>
        {REMIND_WITH.map((style) => (
          <label key={style} class="choice">
            <input type="radio" name="remindWith" value={style} checked={settings.remindWith === style} onChange={() => save({ remindWith: style })} />
            {t(`remind_with_${style}`)}
          </label>
        ))}
      </fieldset>
      <Toggle
        id="field-quietWhileBusy"
        label={t('field_quietWhileBusy')}
        hint={t('hint_quietWhileBusy')}
        checked={settings.quietWhileBusy}
        onChange={(v) => save({ quietWhileBusy: v })}
      />
      <Toggle
        id="field-followBreaks"
        label={t('field_followBreaks')}
        hint={t('hint_followBreaks')}
        checked={settings.followBreaks}
        onChange={(v) => save({ followBreaks: v })}
      />
      <Toggle
        id="field-remindHere"
        label={t('field_remindHere')}
        hint={locked.includes('remindHere') ? t('policy_locked') : t('hint_remindHere')}
        checked={remindHere}
        disabled={locked.includes('remindHere')}
        onChange={setRemindHere}
      />
    </section>
  );
}
