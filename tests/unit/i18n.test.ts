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

  it('picks Polish few and many forms, and falls back to other where a locale has no such category', () => {
    const polish = {
      count_days_one: { message: '$N$ dzień', placeholders: { n: { content: '$1' } } },
      count_days_few: { message: '$N$ dni (few)', placeholders: { n: { content: '$1' } } },
      count_days_many: { message: '$N$ dni (many)', placeholders: { n: { content: '$1' } } },
      count_days_other: { message: '$N$ dnia', placeholders: { n: { content: '$1' } } },
    };
    Object.assign(fakeBrowser.i18n, { getMessage: createGetMessage(polish), getUILanguage: () => 'pl' });
    expect(tCount('count_days', 1)).toBe('1 dzień');
    expect(tCount('count_days', 3)).toBe('3 dni (few)');
    expect(tCount('count_days', 5)).toBe('5 dni (many)');
    expect(tCount('count_days', 22)).toBe('22 dni (few)');

    const japanese = { count_days_other: { message: '$N$日', placeholders: { n: { content: '$1' } } } };
    Object.assign(fakeBrowser.i18n, { getMessage: createGetMessage(japanese), getUILanguage: () => 'ja' });
    expect(tCount('count_days', 1)).toBe('1日');
    // French says "1 000 000 de jours" with its `many` form; a locale without it still reads.
    Object.assign(fakeBrowser.i18n, { getMessage: createGetMessage(japanese), getUILanguage: () => 'fr' });
    expect(tCount('count_days', 1_000_000)).toBe('1000000日');
  });
});
