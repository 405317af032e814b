import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadLocaleWords, localeFolders, wordsFrom, type Catalog } from '@/utils/platform/sound/locale-words';
import { utterancesFor } from '@/utils/platform/sound/voice-text';
import type { SpokenLine } from '@/utils/platform/sound/voice';
import { SIDES, STEP_KINDS, stepTitleKey } from '@/utils/routine/presets';
import { createGetMessage, localeMessages } from '../locale';

const LOCALES = readdirSync(resolve(import.meta.dirname, '../../public/_locales'));

/** Every line the voice can say, with durations that reach each plural form (1, 2–4, 5+, 22 for Polish). */
const LINES: SpokenLine[] = [
  ...STEP_KINDS.flatMap((kind) =>
    SIDES.flatMap((side) =>
      [1, 2, 5, 22, 60, 61, 90, 120, 300].map((durationSec) => ({ type: 'step' as const, title: stepTitleKey({ kind, side }), durationSec })),
    ),
  ),
  { type: 'go' },
  ...STEP_KINDS.map((kind) => ({ type: 'halfway' as const, kind })),
  { type: 'done' },
];

/** The browser's words in `locale`: its own messages, then the default locale's, as Chrome looks them up. */
function asTheBrowserSays(locale: string): void {
  const own = createGetMessage(localeMessages(locale));
  const english = createGetMessage(localeMessages('en'));
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string[]) => own(key, subs) || english(key, subs),
    getUILanguage: () => locale.replace('_', '-'),
  });
}

describe("the offscreen document's words, from the locale files", () => {
  it.each(LOCALES)("say every line as the browser's i18n says it, in %s", (locale) => {
    asTheBrowserSays(locale);
    const words = wordsFrom(locale.replace('_', '-'), [localeMessages(locale), localeMessages('en')] as Catalog[]);
    for (const line of LINES) expect(utterancesFor(line, words)).toEqual(utterancesFor(line));
  });

  it("look a language up in Chrome's order, falling back to the default locale", () => {
    expect(localeFolders('pt-BR')).toEqual(['pt_BR', 'pt', 'en']);
    expect(localeFolders('de')).toEqual(['de', 'en']);
    expect(localeFolders('en-US')).toEqual(['en_US', 'en']);
  });

  it('pass over a locale this build lacks, and a key a locale lacks', async () => {
    const load = vi.fn(async (folder: string) => {
      if (folder === 'de') return { voice_go: { message: 'Los.' } };
      if (folder === 'en') return localeMessages('en');
      throw new Error('no such locale');
    });
    const words = await loadLocaleWords('de-AT', load);
    expect(load.mock.calls.map(([folder]) => folder)).toEqual(['de_AT', 'de', 'en']);
    expect(words.t('voice_go')).toBe('Los.');
    expect(words.t('notify_routine_done')).toBe('Routine complete. Nice work.');
  });
});
