import { t } from '@/utils/platform/i18n';

/** How the feet and lower back feel, 0–10; either may be left out. */
export interface ComfortRating {
  feet?: number;
  back?: number;
}

export interface ComfortCheckProps {
  value: ComfortRating;
  onChange: (value: ComfortRating) => void;
}

const SCALE = Array.from({ length: 11 }, (_, i) => i);

/**
 * After a routine: how the feet and lower back feel, 0–10. Optional, and
 * with no button of its own: the finish view's Done saves what was picked,
 * so a rating is never lost to a forgotten Save.
 */
export function ComfortCheck({ value, onChange }: ComfortCheckProps) {
  const scale = (name: keyof ComfortRating) => (
    <fieldset class="scale">
      <legend>{t(name === 'feet' ? 'comfort_feet' : 'comfort_back')}</legend>
      {SCALE.map((n) => (
        <label key={n} class="scale__point">
          <input type="radio" name={`comfort-${name}`} value={n} checked={value[name] === n} onChange={() => onChange({ ...value, [name]: n })} />
          <span>{n}</span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <div class="comfort" role="group" aria-label={t('comfort_question')}>
      <p class="comfort__question">{t('comfort_question')}</p>
      {scale('feet')}
      {scale('back')}
    </div>
  );
}
