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
    expect(tCount('count_routines', 1)).toBe('1 Routine');
    expect(tCount('count_routines', 3)).toBe('3 Routinen');
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
    expect(tCount('count_days', 1.5)).toBe('1,5 dnia');

    const japanese = { count_days_other: { message: '$N$日', placeholders: { n: { content: '$1' } } } };
    Object.assign(fakeBrowser.i18n, { getMessage: createGetMessage(japanese), getUILanguage: () => 'ja' });
    expect(tCount('count_days', 1)).toBe('1日');
    // French says "1 000 000 de jours" with its `many` form; a locale without it still reads.
    Object.assign(fakeBrowser.i18n, { getMessage: createGetMessage(japanese), getUILanguage: () => 'fr' });
    expect(tCount('count_days', 1_000_000)).toBe('1\u202f000\u202f000日');
  });
});

describe('the German wording', () => {
  const de = localeMessages('de');
  const say = createGetMessage(de);

  it('calls a whole routine “Routine”: an “Übung” is a single exercise, which the UI calls a step', () => {
    expect(Object.entries(de).filter(([, entry]) => entry.message.includes('Übung'))).toEqual([]);
    expect(say('popup_start')).toBe('Routine starten');
  });

  it('gives the sitting status a subject, and says “sore” plainly', () => {
    expect(say('status_sitting', ['46'])).toBe('Du sitzt seit 46 Min.');
    expect(say('comfort_feet')).toBe('Füße (0 = schmerzen, 10 = bestens)');
    expect(Object.values(de).filter((entry) => /\bwund\b/.test(entry.message))).toEqual([]);
  });

  it('speaks to the user as “du” throughout, never as “Sie”', () => {
    // "Sie" in the middle of a sentence is the formal address; "sie" (they, it) is written small.
    const formal = Object.entries(de).filter(([, entry]) => /[^.!?:–„]\s(Sie|Ihnen|Ihre?[nmrs]?)\b/.test(entry.message));
    expect(formal).toEqual([]);
  });
});
