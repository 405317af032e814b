import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App, finishing, loadFinishedView, type AppProps } from './App';
import { t } from '@/utils/platform/i18n';
import { earlyPopupSnapshot, readPopupSnapshotEarly } from '@/components/use-snapshot';
import { appRoot } from '@/components/app-root';
import './style.css';

/** Starts a routine view (the popup, the pop-out window, the side panel): the one storage read first, then the first paint. */
export function mountRoutineView(props: AppProps): void {
  const snapshotRead = readPopupSnapshotEarly();
  // The window's and the panel's layout loads beside the read, and both are in before the first paint: no reflow.
  const layoutLoaded = props.inWindow || props.inPanel ? import('./docked.css') : undefined;
  document.documentElement.lang = browser.i18n.getUILanguage();
  // Read from the locale files only when the browser gave no words (utils/platform/message-files.ts, loaded only then).
  const messagesLoaded = !browser.i18n.getMessage('extName') ? import('@/utils/platform/message-files').then((files) => files.loadMessageFiles()) : undefined;
  void Promise.all([snapshotRead, layoutLoaded, messagesLoaded])
    .then(async () => {
      // The manifest takes the toolbar title from this page's <title>, a locale key; the window shows the text.
      document.title = t('extName');
      const routine = earlyPopupSnapshot()?.routine;
      if (routine && finishing(routine)) await loadFinishedView();
    })
    .then(() => render(<App {...props} />, appRoot()));
}
