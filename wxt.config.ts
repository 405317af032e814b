import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome 116 brings runtime.getContexts, which tells the background whether a
// routine view is open (and so who plays the step-change cue).
const MINIMUM_CHROME_VERSION = '116';

export default defineConfig({
  // Every name is imported where it is used, so a forgotten import fails to compile.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    developmentIndicator: false,
  },
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome's worker cannot play sound; the offscreen document it needs does not exist on Firefox, nor does
    // `power`, which keeps the screen on during a routine. Neither shows a warning at install.
    permissions: ['alarms', 'storage', 'notifications', 'idle', ...(browser === 'firefox' ? [] : ['offscreen', 'power'])],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'roll-call@roll-call.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
  }),
});
