import { describe, expect, it } from 'vitest';
import { fittedWindowSize, REMINDER_WIDTH_CSS, type WindowFit } from '@/entrypoints/reminder/fit-window';

// The window the background opens (400 × 320), on a platform with a 30 px title bar: 290 px of page.
const opened: WindowFit = { outerWidth: 400, outerHeight: 320, innerWidth: 400, innerHeight: 290, contentHeight: 290, zoom: 1, availHeight: 1040 };

describe('the reminder window, sized to its content', () => {
  it.each([
    ['content that fits exactly: no resize', { contentHeight: 290 }, undefined],
    ['a real reminder that needs 347 px: 30 px of frame on top', { contentHeight: 347 }, { width: 400, height: 377 }],
    ['content shorter than the window: it shrinks', { contentHeight: 258 }, { width: 400, height: 288 }],
    [
      'at 125% zoom the page is 320 CSS px wide: the window grows to keep 400',
      { innerWidth: 320, innerHeight: 232, contentHeight: 300, zoom: 1.25 },
      { width: 500, height: 405 },
    ],
    ['never taller than the screen gives', { contentHeight: 2000 }, { width: 400, height: 1040 }],
    ['a pixel of rounding is no reason to resize', { contentHeight: 291 }, undefined],
  ])('%s', (_, change, expected) => {
    expect(fittedWindowSize({ ...opened, ...change })).toEqual(expected);
  });

  it('keeps a headless window (no frame) at the content height exactly', () => {
    expect(fittedWindowSize({ ...opened, outerHeight: 320, innerHeight: 320, contentHeight: 258 })).toEqual({ width: REMINDER_WIDTH_CSS, height: 258 });
  });
});
