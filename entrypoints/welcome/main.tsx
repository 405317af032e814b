import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from './Welcome';
import { t } from '@/utils/platform/i18n';
import { appRoot } from '@/components/app-root';
import { withMessages } from '@/utils/platform/message-files';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
withMessages(() => {
  document.title = t('options_welcome');
  render(<Welcome now={Date.now()} />, appRoot());
});
