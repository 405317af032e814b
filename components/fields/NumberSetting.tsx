import { NUMBER_RANGES, type NumberField } from '@/utils/settings/settings';
import { parseWholeNumber } from '@/utils/settings/form';
import { t } from '@/utils/platform/i18n';
import { TextSetting } from './TextSetting';

export interface NumberSettingProps {
  field: NumberField;
  value: number;
  hint?: string;
  /** Set by the organisation's policy. */
  locked?: boolean;
  onSave: (value: number) => void;
}

/** A whole-number setting with its range from the settings schema. */
export function NumberSetting({ field, value, hint, locked, onSave }: NumberSettingProps) {
  const { min, max } = NUMBER_RANGES[field];
  return (
    <TextSetting
      id={`field-${field}`}
      label={t(`field_${field}`)}
      hint={locked ? t('policy_locked') : hint}
      disabled={locked}
      value={value}
      format={String}
      parse={(text) => parseWholeNumber(text, field)}
      describeError={(error) => t(error, min, max)}
      onSave={onSave}
    />
  );
}
