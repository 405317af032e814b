import type { Step } from '@/utils/routine/presets';
import { stepTitleKey } from '@/utils/routine/preset-lookup';
import { formatClock } from '@/utils/format';
import { t } from '@/utils/platform/i18n';
import { StepPicture } from './StepPicture';

export interface StepListProps {
  steps: readonly Step[];
  heading: string;
}

/** The steps of a routine with their lengths; steps turned off are left out. */
export function StepList({ steps, heading }: StepListProps) {
  const enabled = steps.filter((s) => s.enabled);
  return (
    <section class="steps" aria-label={heading}>
      {/* The summary of the fold it sits in shows the words; the heading is there for a screen reader's list of headings. */}
      <h2 class="visually-hidden">{heading}</h2>
      <ol class="steps__list">
        {enabled.map((step) => (
          <li key={step.id} class="steps__item">
            <StepPicture step={step} size="small" />
            <span class="steps__title">{t(stepTitleKey(step))}</span>
            <span class="steps__length">{formatClock(step.durationSec * 1000)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
