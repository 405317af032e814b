import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { playChime } from '@/utils/platform/sound/chime';
import { Toggle } from '@/components/fields/Toggle';
import { NumberSetting } from '@/components/fields/NumberSetting';
import { canKeepAwake } from '@/utils/platform/keep-awake';

export interface SoundProps {
  settings: Settings;
  save: (patch: Partial<Settings>) => void;
}

export function Sound({ settings, save }: SoundProps) {
  // The slider moves freely; the volume is saved on release, never while dragging.
  const [volume, setVolume] = useState(settings.volume);
  useEffect(() => setVolume(settings.volume), [settings.volume]);
  return (
    <section id="sound" aria-labelledby="sound-heading">
      <h2 id="sound-heading">{t('options_sound')}</h2>
      <Toggle id="field-chime" label={t('field_chime')} checked={settings.chime} onChange={(v) => save({ chime: v })} />
      <div class="field">
        <label for="field-volume">{t('field_volume')}</label>
        <div class="field-row">
          <input
            id="field-volume"
            type="range"
            min={0}
            max={100}
            step={5}
            value={volume}
            aria-valuetext={`${volume}%`}
            onInput={(e) => setVolume(Number(e.currentTarget.value))}
            onChange={(e) => save({ volume: Number(e.currentTarget.value) })}
          />
          <output for="field-volume">{volume}%</output>
          <button type="button" onClick={() => playChime(volume)}>
            {t('options_play_test_sound')}
          </button>
        </div>
      </div>
      <Toggle
        id="field-spokenCues"
        label={t('field_spokenCues')}
        hint={t('hint_spokenCues')}
        checked={settings.spokenCues}
        onChange={(v) => save({ spokenCues: v })}
      />
      <Toggle
        id="field-openPopOutOnStart"
        label={t('field_openPopOutOnStart')}
        checked={settings.openPopOutOnStart}
        onChange={(v) => save({ openPopOutOnStart: v })}
      />
      <NumberSetting field="leadInSec" value={settings.leadInSec} hint={t('hint_leadInSec')} onSave={(v) => save({ leadInSec: v })} />
      {canKeepAwake() ? (
        <Toggle
          id="field-keepAwake"
          label={t('field_keepAwake')}
          hint={t('hint_keepAwake')}
          checked={settings.keepAwake}
          onChange={(v) => save({ keepAwake: v })}
        />
      ) : (
        <p class="field__hint">{t('hint_keepAwake_unsupported')}</p>
      )}
    </section>
  );
}
