import { useEffect, useState } from 'preact/hooks';
import type { Parsed } from '@/utils/settings/form';
import { useReportValidity } from './validity';

export interface TextSettingProps<T> {
  id: string;
  label: string;
  hint?: string;
  value: T;
  format: (value: T) => string;
  parse: (text: string) => Parsed<T>;
  /** The message for an error key, with the field's own bounds filled in. */
  describeError: (error: Extract<Parsed<T>, { ok: false }>['error']) => string;
  onSave: (value: T) => void;
  inputMode?: 'numeric' | 'text';
  /** Set by the organisation's policy: shown, not editable. */
  disabled?: boolean;
  width?: 'short' | 'medium';
}

/**
 * A typed setting: checked on every keystroke, with the message beside the
 * field (linked by aria-describedby), and saved only on `change` and only
 * when valid, so a bad value is never written.
 */
export function TextSetting<T>({
  id,
  label,
  hint,
  value,
  format,
  parse,
  describeError,
  onSave,
  inputMode = 'numeric',
  width = 'short',
  disabled,
}: TextSettingProps<T>) {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | undefined>();
  useReportValidity(id, error !== undefined);

  // A value changed elsewhere (another device, an import) shows here unless the user is mid-edit with an error.
  useEffect(() => {
    if (!error) setText(format(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new stored value refreshes the text; re-running when the error clears would overwrite what the user is typing
  }, [value]);

  const check = (next: string) => {
    const parsed = parse(next);
    setError(parsed.ok ? undefined : describeError(parsed.error));
    return parsed;
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        class={`field__input field__input--${width}`}
        type="text"
        inputMode={inputMode}
        value={text}
        disabled={disabled}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={describedBy}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          check(next);
        }}
        onChange={(e) => {
          const parsed = check(e.currentTarget.value);
          if (parsed.ok && format(parsed.value) !== format(value)) onSave(parsed.value);
        }}
      />
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
