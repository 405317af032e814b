import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tCount } from '@/utils/platform/i18n';
import { createGetMessage, localeMessages } from '../locale';

describe('counts with their noun', () => {
  it('says “1 routine” and “2 routines”, and “0 days” in English', () => {
    expect(tCount('count_routines', 1)).toBe('1 routine');
    expect(tCount('count_routines', 2)).toBe('2 routines');
    expect(tCount('count_days', 0)).toBe('0 days');
    expect(tCount('count_breaks', 1)).toBe('1 break');
    expect(tCount('count_minutes', 5)).toBe('5 minutes');
  });

  it('follows German plural rules in German', () => {
    Object.assign(fakeBrowser.i18n, { getMessage: createGetMessage(localeMessages('de')), getUILanguage: () => 'de' });
    expect(tCount('count_routines', 1)).toBe('1 Übung');
    expect(tCount('count_routines', 3)).toBe('3 Übungen');
    expect(tCount('count_days', 1)).toBe('1 Tag');
  });
});
