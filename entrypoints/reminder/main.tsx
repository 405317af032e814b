import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReminderChoice } from './ReminderChoice';
import { t } from '@/utils/platform/i18n';
import { appRoot } from '@/components/app-root';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('reminder_title');
const reminderId = new URLSearchParams(location.search).get('id') ?? undefined;
render(<ReminderChoice reminderId={reminderId} onDone={() => window.close()} />, appRoot());
