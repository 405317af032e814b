import { cueMessaging } from '@/utils/platform/messaging/cues';
import { browserSpeaker, playCue } from '@/utils/platform/sound/play-cue';
import { loadLocaleWords } from '@/utils/platform/sound/locale-words';
import type { Words } from '@/utils/platform/i18n';

// Chrome's offscreen document: the only place a service-worker extension can make a sound while no view is open.
const audio = new AudioContext();

// It has no i18n API: a cue's words come from the locale files, read once per language (the UI's ahead of the first cue).
const wordsByLanguage = new Map<string, Promise<Words>>();
function wordsFor(lang: string): Promise<Words> {
  const words = wordsByLanguage.get(lang) ?? loadLocaleWords(lang);
  wordsByLanguage.set(lang, words);
  return words;
}
void wordsFor(navigator.language);

cueMessaging.onMessage('playCue', async ({ data }) => {
  // A chime alone need not wait for any words.
  playCue(data, audio, browserSpeaker, data.spoken ? await wordsFor(data.lang) : undefined);
});
