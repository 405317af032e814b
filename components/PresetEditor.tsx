import { useState } from 'preact/hooks';
import { cleanPresetName, presetDurationSec, stepTitleKey, type Preset, type PresetCustomisations } from '@/utils/routine/presets';
import {
  copyName,
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
import { StepPicture } from './StepPicture';
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
  // Deleting a routine or dropping its changes cannot be undone, so each asks first.
  const [confirming, setConfirming] = useState(false);
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
            setConfirming(false);
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
                <input
                  type="checkbox"
                  checked={step.enabled}
                  onChange={(e) => apply(setStepEnabled(customisations, preset, step.id, e.currentTarget.checked))}
                />
                <StepPicture step={step} size="small" />
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
                <button
                  type="button"
                  aria-label={t('editor_move_up', title)}
                  disabled={index === 0}
                  onClick={() => apply(moveStep(customisations, preset, step.id, -1))}
                >
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
            const name = copyName(presetName(preset), presets.map(presetName), (base, n) =>
              n === 1 ? t('editor_copy_name', base) : t('editor_copy_name_numbered', base, n),
            );
            const result = duplicatePreset(customisations, preset, name, id);
            apply(result);
            if (result.ok) setEditingId(id);
          }}
        >
          {t('editor_duplicate')}
        </button>
        {preset.builtIn ? (
          <button type="button" aria-expanded={confirming} disabled={!isCustomised(customisations, preset.id)} onClick={() => setConfirming(true)}>
            {t('editor_reset')}
          </button>
        ) : (
          <button type="button" class="danger" aria-expanded={confirming} onClick={() => setConfirming(true)}>
            {t('editor_delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="editor-confirm">
          <p id="editor-confirm">{t(preset.builtIn ? 'editor_reset_warning' : 'editor_delete_warning', presetName(preset))}</p>
          <div class="field-row">
            <button
              type="button"
              class={preset.builtIn ? 'primary' : 'danger'}
              onClick={() => {
                setConfirming(false);
                if (preset.builtIn) {
                  apply({ ok: true, customisations: resetBuiltInPreset(customisations, preset.id) });
                  return;
                }
                apply({ ok: true, customisations: deleteCustomPreset(customisations, preset.id) });
                onDeleted(preset.id);
                setEditingId(presets[0]?.id ?? '');
              }}
            >
              {t(preset.builtIn ? 'editor_reset_confirm' : 'editor_delete_confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
