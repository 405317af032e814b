import { cueMessaging } from '@/utils/platform/cue-messaging';
import { playChime, speakCue } from '@/utils/platform/chime';

// Chrome's offscreen document: the only place a service-worker extension can make a sound while no view is open.
const audio = new AudioContext();

cueMessaging.onMessage('playCue', ({ data }) => {
  if (data.chime) playChime(data.volume, audio);
  if (data.speech) speakCue(data.speech, data.lang, data.volume);
});
