import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

const inWindow = new URLSearchParams(location.search).get('view') === 'window';
document.documentElement.lang = browser.i18n.getUILanguage();
render(<App inWindow={inWindow} />, document.getElementById('app')!);
