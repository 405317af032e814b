import { useState } from 'preact/hooks';
import { PRESET_NAME_MAX_LENGTH, cleanPresetName, presetDurationSec, stepTitleKey, type Preset, type PresetCustomisations } from '@/utils/routine/presets';
import {
  deleteCustomPreset,
  duplicatePreset,
  isCustomised,
  moveStep,
  newCustomPresetId,
  renamePreset,
  resetBuiltInPreset,
  setStepDuration,
  setStepEnabled,
  type EditResult,
} from '@/utils/routine/editor';
import { formatStepLength, parseStepLength } from '@/utils/settings/form';
import { formatClock } from '@/utils/format';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { presetName } from './preset-name';
import { TextSetting } from './fields/TextSetting';
import { useReportValidity } from './fields/validity';

export interface PresetEditorProps {
  presets: readonly Preset[];
  customisations: PresetCustomisations;
  /** Saves new customisations; the editor shows what came of it. */
  onSave: (customisations: PresetCustomisations) => void;
  /** Called when a custom preset is deleted, so settings that chose it can fall back. */
  onDeleted: (presetId: string) => void;
  now: () => number;
}

/**
 * Edits one preset at a time: each step's length (0:30–15:00), on or off,
 * and its place, with buttons that work from the keyboard; rename, duplicate
 * into a custom preset, delete a custom one, reset a built-in one.
 */
export function PresetEditor({ presets, customisations, onSave, onDeleted, now }: PresetEditorProps) {
  const [editingId, setEditingId] = useState(presets[0]?.id ?? '');
  const [error, setError] = useState<MessageKey | undefined>();
  useReportValidity('editor', error !== undefined);
  const preset = presets.find((p) => p.id === editingId) ?? presets[0];
  if (!preset) return null;

  const apply = (result: EditResult) => {
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    onSave(result.customisations);
  };

  return (
    <div class="editor">
      <div class="field">
        <label for="editor-preset">{t('editor_choose')}</label>
        <select
          id="editor-preset"
          value={preset.id}
          onChange={(e) => {
            setEditingId(e.currentTarget.value);
            setError(undefined);
          }}
        >
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {presetName(p)} · {formatClock(presetDurationSec(p) * 1000)}
            </option>
          ))}
        </select>
      </div>
      <TextSetting
        key={`name-${preset.id}`}
        id="editor-name"
        label={t('editor_name')}
        value={presetName(preset)}
        format={(v) => v}
        parse={(text) => {
          const name = cleanPresetName(text);
          return name === undefined ? { ok: false, error: 'error_required' } : { ok: true, value: name };
        }}
        describeError={() => t('error_name')}
        onSave={(name) => apply(renamePreset(customisations, preset, name))}
        inputMode="text"
        width="medium"
      />
      <ol class="editor__steps" aria-label={t('editor_steps', presetName(preset))}>
        {preset.steps.map((step, index) => {
          const title = t(stepTitleKey(step));
          return (
            <li key={`${preset.id}-${step.id}`} class={`editor__step${step.enabled ? '' : ' editor__step--off'}`}>
              <label class="editor__on">
                <input type="checkbox" checked={step.enabled} onChange={(e) => apply(setStepEnabled(customisations, preset, step.id, e.currentTarget.checked))} />
                <span>{title}</span>
              </label>
              <TextSetting
                id={`editor-${preset.id}-${step.id}`}
                label={t('editor_length', title)}
                value={step.durationSec}
                format={formatStepLength}
                parse={parseStepLength}
                describeError={(e) => t(e === 'error_required' ? 'error_required' : 'error_step_length')}
                onSave={(seconds) => apply(setStepDuration(customisations, preset, step.id, seconds))}
              />
              <div class="editor__move">
                <button type="button" aria-label={t('editor_move_up', title)} disabled={index === 0} onClick={() => apply(moveStep(customisations, preset, step.id, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('editor_move_down', title)}
                  disabled={index === preset.steps.length - 1}
                  onClick={() => apply(moveStep(customisations, preset, step.id, 1))}
                >
                  ↓
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p class="editor__total">{t('editor_total', formatClock(presetDurationSec(preset) * 1000))}</p>
      {error && (
        <p class="field__error" role="alert">
          {t(error)}
        </p>
      )}
      <div class="editor__actions">
        <button
          type="button"
          onClick={() => {
            const id = newCustomPresetId(customisations, now());
            const result = duplicatePreset(customisations, preset, t('editor_copy_name', presetName(preset)).slice(0, PRESET_NAME_MAX_LENGTH), id);
            apply(result);
            if (result.ok) setEditingId(id);
          }}
        >
          {t('editor_duplicate')}
        </button>
        {preset.builtIn ? (
          <button type="button" disabled={!isCustomised(customisations, preset.id)} onClick={() => apply({ ok: true, customisations: resetBuiltInPreset(customisations, preset.id) })}>
            {t('editor_reset')}
          </button>
        ) : (
          <button
            type="button"
            class="danger"
            onClick={() => {
              apply({ ok: true, customisations: deleteCustomPreset(customisations, preset.id) });
              onDeleted(preset.id);
              setEditingId(presets[0]?.id ?? '');
            }}
          >
            {t('editor_delete')}
          </button>
        )}
      </div>
    </div>
  );
}
