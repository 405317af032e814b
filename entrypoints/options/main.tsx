import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { t } from '@/utils/platform/i18n';
import { appRoot } from '@/components/app-root';
import './style.css';

function paint(): void {
  document.title = t('options_title');
  render(<App />, appRoot());
}

document.documentElement.lang = browser.i18n.getUILanguage();
// The locale-file reader (utils/platform/message-files.ts) loads only when the browser gave no words, as in the
// popup: the usual start paints at once and carries none of its bytes.
if (browser.i18n.getMessage('extName')) paint();
else void import('@/utils/platform/message-files').then((files) => files.loadMessageFiles()).then(paint);
