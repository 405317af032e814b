import { useState } from 'preact/hooks';
import type { RoutineRequest } from '@/utils/protocol/commands';
import { t } from '@/utils/platform/i18n';

export interface ComfortCheckProps {
  send: (request: RoutineRequest) => Promise<boolean>;
}

const SCALE = Array.from({ length: 11 }, (_, i) => i);

/** After a routine: how the feet and lower back feel, 0–10. Optional; Done skips it. */
export function ComfortCheck({ send }: ComfortCheckProps) {
  const [feet, setFeet] = useState<number | undefined>();
  const [back, setBack] = useState<number | undefined>();
  const [saved, setSaved] = useState(false);
  if (saved) return <p class="done">{t('comfort_saved')}</p>;
  const scale = (name: 'feet' | 'back', value: number | undefined, set: (v: number) => void) => (
    <fieldset class="scale">
      <legend>{t(name === 'feet' ? 'comfort_feet' : 'comfort_back')}</legend>
      {SCALE.map((n) => (
        <label key={n} class="scale__point">
          <input type="radio" name={`comfort-${name}`} value={n} checked={value === n} onChange={() => set(n)} />
          <span>{n}</span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <form
      class="comfort"
      onSubmit={(e) => {
        e.preventDefault();
        void send({ type: 'rateComfort', feet, back }).then((saved) => {
          if (saved) setSaved(true);
        });
      }}
    >
      <p class="comfort__question">{t('comfort_question')}</p>
      {scale('feet', feet, setFeet)}
      {scale('back', back, setBack)}
      <button type="submit" disabled={feet === undefined && back === undefined}>
        {t('comfort_save')}
      </button>
    </form>
  );
}
