import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { findPreset, resolvePresets } from '@/utils/routines';
import { parseSettings } from '@/utils/settings';
import { parsePresetCustomisations } from '@/utils/preset-schema';
import { presetsItem, settingsItem } from '@/utils/storage';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { useStorageItem } from '@/components/use-storage';
import { presetName } from '@/components/preset-name';
import { StepList } from '@/components/StepList';
import { Notices } from '@/components/Notices';

export function App() {
  const parsed = useStorageItem(settingsItem, parseSettings);
  const customisations = useStorageItem(presetsItem, parsePresetCustomisations);
  const presets = useMemo(() => customisations && resolvePresets(customisations.customisations), [customisations]);
  if (!parsed || !presets) return <main aria-busy="true" />;
  const { settings } = parsed;
  const breakPreset = findPreset(presets, settings.breakPresetId) ?? presets[0]!;
  const days = settings.activeDays.map((d) => t(`weekday_short_${d}` as MessageKey)).join(', ');

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <Notices settingsFields={parsed.invalidFields} presetsInvalid={customisations?.invalid ?? false} />
      <section aria-labelledby="welcome">
        <h2 id="welcome">{t('options_welcome')}</h2>
        <p>{t('options_intro')}</p>
      </section>
      <section aria-labelledby="reminders">
        <h2 id="reminders">{t('options_reminders')}</h2>
        <dl class="values">
          <dt>{t('field_sittingIntervalMin')}</dt>
          <dd data-field="sittingIntervalMin">{settings.sittingIntervalMin}</dd>
          <dt>{t('field_breakThresholdMin')}</dt>
          <dd data-field="breakThresholdMin">{settings.breakThresholdMin}</dd>
          <dt>{t('field_snoozeMin')}</dt>
          <dd data-field="snoozeMin">{settings.snoozeMin}</dd>
          <dt>{t('options_active_hours')}</dt>
          <dd>{t('options_active_hours_value', days, settings.activeStart, settings.activeEnd)}</dd>
          <dt>{t('options_goals')}</dt>
          <dd>{t('options_goals_value', settings.goalRoutinesPerDay, settings.goalBreaksPerDay)}</dd>
        </dl>
      </section>
      <section aria-labelledby="routine">
        <h2 id="routine">{t('options_routine')}</h2>
        <p>
          {t('field_breakPresetId')}: <strong>{presetName(breakPreset)}</strong>
        </p>
        <StepList steps={breakPreset.steps} heading={presetName(breakPreset)} />
      </section>
      <section aria-labelledby="about">
        <h2 id="about">{t('options_about')}</h2>
        <p>{t('options_version', browser.runtime.getManifest().version)}</p>
        <p>{t('options_privacy')}</p>
        <p>{t('options_disclaimer')}</p>
        <p>{t('options_credit')}</p>
        <p class="muted">{t('options_article_claims')}</p>
      </section>
    </main>
  );
}
