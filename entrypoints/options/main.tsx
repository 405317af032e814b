import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { t } from '@/utils/platform/i18n';
import { appRoot } from '@/components/app-root';
import { withMessages } from '@/utils/platform/message-files';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
withMessages(() => {
  document.title = t('options_title');
  render(<App />, appRoot());
});
