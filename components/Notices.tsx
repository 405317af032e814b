import type { SettingsField } from '@/utils/settings/settings';
import { t, type MessageKey } from '@/utils/platform/i18n';

export interface NoticesProps {
  settingsFields: readonly SettingsField[];
  presetsInvalid: boolean;
}

/** Tells the user when stored data could not be read and defaults stand in for it. */
export function Notices({ settingsFields, presetsInvalid }: NoticesProps) {
  if (settingsFields.length === 0 && !presetsInvalid) return null;
  const fieldNames = settingsFields.map((f) => t(`field_${f}`)).join(', ');
  return (
    <div class="notice" role="status">
      {settingsFields.length > 0 && <p>{t('notice_settings_reset', fieldNames)}</p>}
      {presetsInvalid && <p>{t('notice_presets_reset')}</p>}
    </div>
  );
}
