import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { SHORTCUTS } from './utils/protocol/shortcuts';

// Chrome 116 brings runtime.getContexts, which tells the background whether a
// routine view is open (and so who plays the step-change cue).
const MINIMUM_CHROME_VERSION = '116';

// Chrome suggests at most four keys. Chromium 156 on Linux keeps Alt+Shift with A, B, C, N, P, R, T, W, X and Z for
// itself (checked: it leaves those suggested keys unassigned), and ChromeOS also L, M and S. So: G (get up), H (hold),
// D (delay) and O (open); Firefox ESR gives all four too (tests/e2e/firefox/options.test.ts). The user can change any.
const COMMANDS = {
  [SHORTCUTS.takeBreak]: { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_command_take_break__' },
  [SHORTCUTS.pauseResume]: { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_command_pause_resume__' },
  [SHORTCUTS.snooze]: { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_command_snooze__' },
  [SHORTCUTS.openPlayer]: { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_command_open_player__' },
};

/**
 * What the popup and the options page both load at start, as one chunk rather than the half dozen small ones the
 * bundler would cut it into (each file is gzipped on its own, so every extra file costs bytes). Only the pages'
 * builds split code; the background is one file.
 */
const SHARED_PAGE_MODULES =
  /[\\/](node_modules[\\/](preact|webextension-polyfill|@wxt-dev[\\/]webextension-polyfill)[\\/]|utils[\\/](day|format|routine[\\/](timer|preset-lookup)|platform[\\/](i18n|messaging|storage-full)|sitting[\\/](schedule|rules))\.ts$|components[\\/](app-root|StepPicture|preset-name|Notices|StorageFullNotice)\.tsx?$)|preload-helper|rolldown[\\/]runtime|virtual:wxt/;

function sharedPageChunk(): Plugin {
  return {
    name: 'roll-call:shared-page-chunk',
    outputOptions(options) {
      if (options.format !== 'es') return null;
      return { ...options, codeSplitting: { groups: [{ name: 'ui', test: SHARED_PAGE_MODULES }] } };
    },
  };
}

/**
 * On Chrome the worker uses Chrome's own promise-based API instead of webextension-polyfill: every API the worker
 * calls returns a promise in MV3 from the minimum version on, and the command listener replies through
 * sendResponse, which both take. Measured on Chromium 156 (README, Benchmark): 2.5 KB gzip less, and no wrapping
 * of the whole API at every cold start. Firefox has `browser` natively and the pages keep the polyfill.
 */
function nativeBrowserInChromeWorker(browser: string): Plugin {
  let isWorkerBuild = false;
  return {
    name: 'roll-call:native-browser-in-chrome-worker',
    enforce: 'pre',
    options(options) {
      const input = options.input;
      const entries = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      isWorkerBuild = browser !== 'firefox' && entries.some((entry) => /[\\/]entrypoints[\\/]background[\\/]index\.ts$/.test(entry));
      return null;
    },
    resolveId(source) {
      if (!isWorkerBuild || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@/utils/platform/native-browser');
    },
  };
}

export default defineConfig({
  // Every name is imported where it is used, so a forgotten import fails to compile.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    developmentIndicator: false,
  },
  vite: ({ browser }) => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), sharedPageChunk(), nativeBrowserInChromeWorker(browser)],
    // Every browser this supports (Chrome 116, Firefox 140) preloads modules itself: the polyfill would only
    // add bytes and a startup scan of the page to every view.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome's worker cannot play sound; the offscreen document it needs does not exist on Firefox, nor does
    // `power`, which keeps the screen on during a routine. Neither shows a warning at install.
    permissions: ['alarms', 'storage', 'notifications', 'idle', ...(browser === 'firefox' ? [] : ['offscreen', 'power'])],
    action: { default_title: '__MSG_extName__' },
    commands: COMMANDS,
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
      : {
          minimum_chrome_version: MINIMUM_CHROME_VERSION,
          // What an administrator may set by policy; Firefox takes the same keys from policies.json's 3rdparty entry.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
});
