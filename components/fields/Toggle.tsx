export interface ToggleProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  /** Set by the organisation's policy: shown, not changeable. */
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off setting, saved as soon as it changes. */
export function Toggle({ id, label, hint, checked, disabled, onChange }: ToggleProps) {
  return (
    <div class="field field--toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
