import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import { t } from '@/utils/platform/i18n';
import { readPopupSnapshotEarly } from '@/components/use-snapshot';
import { appRoot } from '@/components/app-root';
import '@/components/theme.css';
import './style.css';

const snapshotRead = readPopupSnapshotEarly();
const inWindow = new URLSearchParams(location.search).get('view') === 'window';
document.documentElement.lang = browser.i18n.getUILanguage();
// The manifest takes the toolbar title from this page's <title>, a locale key; the window shows the text.
document.title = t('extName');
void snapshotRead.then(() => render(<App inWindow={inWindow} />, appRoot()));
