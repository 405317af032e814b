import { describe, expect, it } from 'vitest';
import { formatStepLength, parseStepLength, parseWholeNumber } from '@/utils/settings/form';

describe('parseWholeNumber', () => {
  it.each([
    ['45', { ok: true, value: 45 }],
    [' 30 ', { ok: true, value: 30 }],
    ['10', { ok: true, value: 10 }],
    ['180', { ok: true, value: 180 }],
    ['', { ok: false, error: 'error_required' }],
    ['   ', { ok: false, error: 'error_required' }],
    ['abc', { ok: false, error: 'error_not_a_number' }],
    ['4five', { ok: false, error: 'error_not_a_number' }],
    ['1e2', { ok: false, error: 'error_not_a_number' }],
    ['-5', { ok: false, error: 'error_range' }],
    ['0', { ok: false, error: 'error_range' }],
    ['181', { ok: false, error: 'error_range' }],
    ['30.5', { ok: false, error: 'error_whole_number' }],
    ['30,5', { ok: false, error: 'error_whole_number' }],
  ])('sitting interval %j → %j', (text, expected) => {
    expect(parseWholeNumber(text, 'sittingIntervalMin')).toEqual(expected);
  });

  it('allows 0 where the range starts at 0', () => {
    expect(parseWholeNumber('0', 'goalRoutinesPerDay')).toEqual({ ok: true, value: 0 });
    expect(parseWholeNumber('6', 'goalRoutinesPerDay')).toEqual({ ok: false, error: 'error_range' });
  });
});

describe('step lengths', () => {
  it.each([
    ['0:30', 30],
    ['5:30', 330],
    ['15:00', 900],
    ['90', 90],
  ])('reads %s as %i s', (text, seconds) => {
    expect(parseStepLength(text)).toEqual({ ok: true, value: seconds });
  });

  it.each(['0:29', '15:01', '5:60', 'abc', '1:2', '-1:00', '20'])('rejects %j', (text) => {
    expect(parseStepLength(text)).toEqual({ ok: false, error: 'error_step_length' });
  });

  it('rejects an empty length as required', () => {
    expect(parseStepLength('')).toEqual({ ok: false, error: 'error_required' });
  });

  it('writes lengths the way it reads them', () => {
    expect(formatStepLength(330)).toBe('5:30');
    expect(formatStepLength(30)).toBe('0:30');
    expect(parseStepLength(formatStepLength(845))).toEqual({ ok: true, value: 845 });
  });
});
