import { cueMessaging } from '@/utils/platform/cue-messaging';
import { playCue } from '@/utils/platform/play-cue';

// Chrome's offscreen document: the only place a service-worker extension can make a sound while no view is open.
const audio = new AudioContext();

cueMessaging.onMessage('playCue', ({ data }) => playCue(data, audio));
