import { NUMBER_RANGES, type ErrorKey, type NumberField } from './settings';
import { MAX_STEP_SEC, MIN_STEP_SEC } from '../routine/presets';

/** Reading what the user typed: text in, a value or one message key out. Pure, so every case is tested. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ErrorKey | 'error_step_length' };

/** A whole number in a field's range, as typed in a text or number input. */
export function parseWholeNumber(text: string, field: NumberField): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'error_required' };
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return { ok: false, error: 'error_not_a_number' };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isInteger(value)) return { ok: false, error: 'error_whole_number' };
  const { min, max } = NUMBER_RANGES[field];
  if (value < min || value > max) return { ok: false, error: 'error_range' };
  return { ok: true, value };
}

/** A step length typed as `m:ss` (or whole seconds), between 0:30 and 15:00. */
export function parseStepLength(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'error_required' };
  const match = /^(\d{1,2}):([0-5]\d)$/.exec(trimmed) ?? /^()(\d{1,3})$/.exec(trimmed);
  if (!match) return { ok: false, error: 'error_step_length' };
  const seconds = Number(match[1] || 0) * 60 + Number(match[2]);
  if (seconds < MIN_STEP_SEC || seconds > MAX_STEP_SEC) return { ok: false, error: 'error_step_length' };
  return { ok: true, value: seconds };
}

/** `m:ss` for a step length, the form `parseStepLength` reads back. */
export function formatStepLength(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
