import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, SHARED_BREAK_MAX_AGE_MS, sharedBreakEnd } from '@/utils/sitting/shared-break';

const MIN = 60_000;
const NOW = new Date(2026, 10, 25, 10, 0).getTime();
/** This device has been sitting for 40 minutes. */
const here = { deviceId: 'here', sittingSince: NOW - 40 * MIN, now: NOW };
const from = (at: number, deviceId = 'there') => ({ at, deviceId });

describe('a break taken on another device', () => {
  it('ends this stretch when it lies within it and is recent', () => {
    expect(sharedBreakEnd(from(NOW - 2 * MIN), here)).toBe(NOW - 2 * MIN);
    expect(sharedBreakEnd(from(NOW), here)).toBe(NOW);
  });

  it('is ignored when it is this device’s own', () => {
    expect(sharedBreakEnd(from(NOW - 2 * MIN, 'here'), here)).toBeUndefined();
  });

  it('is ignored when it is older than the age limit, even inside a longer stretch', () => {
    const longStretch = { ...here, sittingSince: NOW - 3 * 60 * MIN };
    expect(sharedBreakEnd(from(NOW - SHARED_BREAK_MAX_AGE_MS), longStretch)).toBe(NOW - SHARED_BREAK_MAX_AGE_MS);
    expect(sharedBreakEnd(from(NOW - SHARED_BREAK_MAX_AGE_MS - 1), longStretch)).toBeUndefined();
    expect(sharedBreakEnd(from(NOW - 2 * 60 * MIN), longStretch)).toBeUndefined();
  });

  it('is ignored when it lies further in the future than two clocks can differ', () => {
    expect(sharedBreakEnd(from(NOW + CLOCK_TOLERANCE_MS + 1), here)).toBeUndefined();
    expect(sharedBreakEnd(from(NOW + 60 * MIN), here)).toBeUndefined();
  });

  it('from a clock a little ahead, ends the stretch now, never in the future', () => {
    expect(sharedBreakEnd(from(NOW + 3 * MIN), here)).toBe(NOW);
  });

  it('is ignored when it lies before this stretch began', () => {
    expect(sharedBreakEnd(from(here.sittingSince - MIN), here)).toBeUndefined();
  });

  it('is ignored when the clocks’ difference could put it before this stretch began', () => {
    const stretchStart = NOW - 10 * MIN;
    const recent = { ...here, sittingSince: stretchStart };
    expect(sharedBreakEnd(from(stretchStart + CLOCK_TOLERANCE_MS - 1), recent)).toBeUndefined();
    expect(sharedBreakEnd(from(stretchStart + CLOCK_TOLERANCE_MS), recent)).toBe(stretchStart + CLOCK_TOLERANCE_MS);
  });

  // The other device's break really ended 1 minute before this device's stretch began (both saw the same
  // absence). Its clock is off by up to 3 minutes either way: that must never restart this stretch.
  it.each([-3, -2, -1, 0, 1, 2, 3])('a clock %i min off causes no false break', (skewMin) => {
    const stretchStart = NOW - 2 * MIN;
    const realBreakEnd = stretchStart - MIN;
    const record = from(realBreakEnd + skewMin * MIN);
    expect(sharedBreakEnd(record, { ...here, sittingSince: stretchStart })).toBeUndefined();
  });

  it.each([-3, 3])('a real break 10 min into the stretch still counts with a clock %i min off', (skewMin) => {
    const stretchStart = NOW - 15 * MIN;
    const record = from(stretchStart + 10 * MIN + skewMin * MIN);
    expect(sharedBreakEnd(record, { ...here, sittingSince: stretchStart })).toBe(Math.min(record.at, NOW));
  });

  it('is ignored when this device is not counting (paused, outside active hours, in a routine)', () => {
    expect(sharedBreakEnd(from(NOW - MIN), { ...here, sittingSince: undefined })).toBeUndefined();
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a number', NOW],
    ['no device', { at: NOW - MIN }],
    ['a device that is not text', { at: NOW - MIN, deviceId: 7 }],
    ['a time that is text', { at: String(NOW - MIN), deviceId: 'there' }],
    ['a time that is not finite', { at: Number.POSITIVE_INFINITY, deviceId: 'there' }],
    ['a time that is NaN', { at: Number.NaN, deviceId: 'there' }],
  ])('ignores an unreadable record: %s', (_, record) => {
    expect(sharedBreakEnd(record, here)).toBeUndefined();
  });

  it('is applied once: the stretch it starts begins after it', () => {
    const record = from(NOW + 2 * MIN);
    const end = sharedBreakEnd(record, here);
    expect(end).toBe(NOW);
    // The same record again, a moment or a minute later, as storage events may repeat.
    expect(sharedBreakEnd(record, { ...here, sittingSince: NOW, now: NOW + 1000 })).toBeUndefined();
    expect(sharedBreakEnd(record, { ...here, sittingSince: NOW, now: NOW + 4 * MIN })).toBeUndefined();
  });
});
