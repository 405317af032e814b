import { NUMBER_RANGES, type NumberField } from '@/utils/settings/settings';
import { POLICY_FIELDS } from '@/utils/settings/policy';
import type { IgnoredPolicyValue } from '@/utils/settings/policy-ignored';
import { t } from '@/utils/platform/i18n';

export interface PolicyNoticeProps {
  ignored: readonly IgnoredPolicyValue[];
}

/** A value as the administrator wrote it, short enough for one line. */
function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function reasonText({ key, reason }: IgnoredPolicyValue): string {
  if (reason !== 'error_range') return t(reason);
  const { min, max } = NUMBER_RANGES[key as NumberField];
  return t(reason, min, max);
}

/** Tells the user which of the organisation's values were ignored and why; the rest of the policy applies. */
export function PolicyNotice({ ignored }: PolicyNoticeProps) {
  if (ignored.length === 0) return null;
  return (
    <div class="notice" role="status">
      {ignored.map((entry, i) => {
        const known = POLICY_FIELDS.find((field) => field === entry.key);
        // The label the user knows, and the name the administrator wrote.
        const setting = known ? `${t(`field_${known}`)} (${known})` : entry.key;
        return <p key={i}>{t('policy_ignored', setting, shown(entry.value), reasonText(entry))}</p>;
      })}
    </div>
  );
}
