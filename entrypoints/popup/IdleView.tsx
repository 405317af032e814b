import { useState } from 'preact/hooks';
import type { Preset } from '@/utils/routine/presets';
import { presetDurationSec } from '@/utils/routine/preset-lookup';
import { formatClock } from '@/utils/format';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import type { SittingView } from '@/utils/sitting/rules';
import type { SittingRequest } from '@/utils/protocol/messages';
import { presetName } from '@/components/preset-name';
import { StepList } from '@/components/StepList';
import { SittingStatus } from '@/components/SittingStatus';
import { TodayLine } from '@/components/TodayLine';
import { useNow } from '@/components/use-now';
import type { TodayProgress } from '@/utils/display/popup-snapshot';

export interface IdleViewProps {
  presets: readonly Preset[];
  settings: Settings;
  sitting: SittingView;
  today: TodayProgress;
  onStart: (presetId: string) => void;
  sendSitting: (request: SittingRequest) => void;
  remindHere: boolean;
  turnRemindersOn: () => void;
}

/** No routine running: pick a routine (the break routine first) and start it. */
export function IdleView({ presets, settings, sitting, today, onStart, sendSitting, remindHere, turnRemindersOn }: IdleViewProps) {
  const now = useNow(15_000);
  const initial = presets.some((p) => p.id === settings.breakPresetId) ? settings.breakPresetId : presets[0]?.id;
  const [chosenId, setChosenId] = useState(initial);
  const chosen = presets.find((p) => p.id === chosenId) ?? presets[0];
  return (
    <main class="idle">
      <SittingStatus state={sitting} settings={settings} now={now} send={sendSitting} remindHere={remindHere} turnRemindersOn={turnRemindersOn} />
      <TodayLine today={today} settings={settings} />
      {remindHere && <p class="idle__interval">{t('popup_interval', settings.sittingIntervalMin)}</p>}
      <fieldset class="presets">
        <legend>{t('popup_choose_routine')}</legend>
        {presets.map((preset) => (
          <label key={preset.id} class="presets__option">
            <input type="radio" name="preset" value={preset.id} checked={preset.id === chosen?.id} onChange={() => setChosenId(preset.id)} />
            <span class="presets__name">{presetName(preset)}</span>
            <span class="presets__length">{formatClock(presetDurationSec(preset) * 1000)}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" class="primary start" disabled={!chosen} onClick={() => chosen && onStart(chosen.id)}>
        {t('popup_start')}
      </button>
      {/* Folded, so that the popup fits the toolbar's 600 px with the longest routine chosen. */}
      {chosen && (
        <details class="steps-fold">
          <summary>{t('popup_steps_heading')}</summary>
          <StepList steps={chosen.steps} heading={t('popup_steps_heading')} />
        </details>
      )}
    </main>
  );
}
