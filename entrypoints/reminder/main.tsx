import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReminderChoice } from './ReminderChoice';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { appRoot } from '@/components/app-root';
import { withMessages } from '@/utils/platform/message-files';
import { keepWindowFitted } from './fit-window';
import '@/components/theme.css';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
const query = new URLSearchParams(location.search);
const reminderId = query.get('id') ?? undefined;
// Only the refusals a notification button can meet are shown; anything else in the address is ignored.
const REFUSALS: readonly MessageKey[] = ['error_no_steps', 'error_unknown_preset', 'error_storage_quota', 'error_already_running'];
const initialError = REFUSALS.find((key) => key === query.get('error'));
withMessages(() => {
  // The window's title bar says whose reminder this is.
  document.title = `${t('reminder_title')} · ${t('extName')}`;
  render(<ReminderChoice reminderId={reminderId} initialError={initialError} onDone={() => window.close()} />, appRoot());
  keepWindowFitted(document.body);
});
