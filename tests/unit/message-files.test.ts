import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageFiles, t, tCount } from '@/utils/platform/i18n';
import { formatMessage, loadMessagesIfMissing, localeFolders, withMessages } from '@/utils/platform/message-files';
import { localeMessages } from '../locale';

/** A browser whose message bundle came back empty: every `getMessage` answers ''. */
function browserWithoutMessages(uiLanguage: string) {
  Object.assign(fakeBrowser.i18n, { getMessage: () => '', getUILanguage: () => uiLanguage });
}

/** Answers the page's fetch of `/_locales/<folder>/messages.json` from the repository's files; a folder the extension lacks is a failed fetch. */
function serveLocaleFiles(): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const folder = /\/_locales\/([^/]+)\/messages\.json$/.exec(url)?.[1];
      asked.push(folder ?? url);
      if (!folder || !['en', 'de', 'pl', 'fr', 'pt_BR'].includes(folder)) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(localeMessages(folder)));
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  messageFiles.lookup = undefined;
});

describe('words when the browser gives none', () => {
  it('reads the UI language from the locale files, with placeholders and plural forms', async () => {
    browserWithoutMessages('pl');
    serveLocaleFiles();
    expect(t('popup_start')).toBe('popup_start');
    await loadMessagesIfMissing();
    expect(t('popup_start')).toBe(localeMessages('pl').popup_start!.message);
    expect(t('popup_start')).not.toBe('popup_start');
    expect(t('popup_step_of', 3, 7, '11:20')).toMatch(/3.*7.*11:20/);
    expect(t('popup_step_of', 3, 7, '11:20')).not.toContain('$');
    // Polish has four forms; the fallback picks them as the browser's messages would.
    const pl = localeMessages('pl');
    expect(tCount('count_days', 1)).toBe(pl.count_days_one!.message.replace('$N$', '1'));
    expect(tCount('count_days', 3)).toBe(pl.count_days_few!.message.replace('$N$', '3'));
    expect(tCount('count_days', 5)).toBe(pl.count_days_many!.message.replace('$N$', '5'));
  });

  it('falls back to English for a language the extension does not ship, and for a key the language lacks', async () => {
    browserWithoutMessages('sv-SE');
    const asked = serveLocaleFiles();
    await loadMessagesIfMissing();
    expect(asked).toEqual(['sv_SE', 'sv', 'en']);
    expect(t('popup_start')).toBe('Start routine');
    expect(tCount('count_routines', 2)).toBe('2 routines');

    browserWithoutMessages('pt-BR');
    expect(localeFolders('pt-BR')).toEqual(['pt_BR', 'pt', 'en']);
    vi.stubGlobal(
      'fetch',
      async (url: string) => new Response(JSON.stringify(url.includes('/pt_BR/') ? { popup_start: { message: 'Iniciar rotina' } } : localeMessages('en'))),
    );
    await loadMessagesIfMissing();
    expect(t('popup_start')).toBe('Iniciar rotina');
    expect(t('popup_pause')).toBe(localeMessages('en').popup_pause!.message);
  });

  it('paints at once, with no fetch, when the browser has the messages', () => {
    const fetched = serveLocaleFiles();
    const paint = vi.fn();
    withMessages(paint);
    expect(paint).toHaveBeenCalledOnce();
    expect(loadMessagesIfMissing()).toBeUndefined();
    expect(fetched).toEqual([]);
  });

  it('paints only once the files are read when it has none, and never with a key', async () => {
    browserWithoutMessages('de');
    serveLocaleFiles();
    const painted = new Promise<string>((resolve) => withMessages(() => resolve(t('reminder_start'))));
    expect(await painted).toBe(localeMessages('de').reminder_start!.message);
  });
});

describe('formatMessage, as i18n.getMessage formats', () => {
  it.each([
    [{ message: 'Next: $STEP$', placeholders: { step: { content: '$1' } } }, ['Walk'], 'Next: Walk'],
    [{ message: '$a$ and $B$', placeholders: { A: { content: '$2' }, b: { content: '$1' } } }, ['one', 'two'], 'two and one'],
    [{ message: 'Costs $$5, $1 left' }, ['3'], 'Costs $5, 3 left'],
    [{ message: 'Missing $1' }, [], 'Missing '],
    [{ message: 'Keeps $UNKNOWN$' }, [], 'Keeps $UNKNOWN$'],
  ])('%j with %j → %s', (entry, substitutions, expected) => {
    expect(formatMessage(entry, substitutions)).toBe(expected);
  });
});
