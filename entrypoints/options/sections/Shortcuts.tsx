import { useEffect, useState } from 'preact/hooks';
import { SHORTCUTS } from '@/utils/protocol/shortcuts';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { openShortcutSettings, readShortcutsInUse } from '@/utils/platform/shortcut-settings';

/** Every command the manifest declares, in the order the page lists them, plus the browser's own one for the popup. */
const COMMAND_NAMES: ReadonlyArray<readonly [string, MessageKey]> = [
  [SHORTCUTS.takeBreak, 'command_take_break'],
  [SHORTCUTS.pauseResume, 'command_pause_resume'],
  [SHORTCUTS.snooze, 'command_snooze'],
  [SHORTCUTS.openPlayer, 'command_open_player'],
  ['_execute_action', 'command_open_popup'],
];

/** The keys in use, read again whenever the page comes back into view, as after changing them on the browser's page. */
function useShortcutsInUse(): Map<string, string> | 'unavailable' | undefined {
  const [inUse, setInUse] = useState<Map<string, string> | 'unavailable'>();
  useEffect(() => {
    const read = () => void readShortcutsInUse().then(setInUse, () => setInUse('unavailable'));
    const onVisible = () => {
      if (document.visibilityState === 'visible') read();
    };
    read();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  return inUse;
}

export function Shortcuts() {
  const inUse = useShortcutsInUse();
  return (
    <section id="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('options_shortcuts')}</h2>
      <p>{t('shortcuts_intro')}</p>
      {inUse === 'unavailable' && <p class="field__error">{t('shortcuts_unavailable')}</p>}
      {inUse instanceof Map && (
        <dl class="values shortcuts">
          {COMMAND_NAMES.filter(([name]) => inUse.has(name)).map(([name, label]) => (
            <div key={name} class="shortcuts__row">
              <dt>{t(label)}</dt>
              <dd>{inUse.get(name) ? <kbd>{inUse.get(name)}</kbd> : <span class="muted">{t('shortcut_not_set')}</span>}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="field__hint">{t(import.meta.env.BROWSER === 'firefox' ? 'shortcuts_where_firefox' : 'shortcuts_where_chrome')}</p>
      <div class="field-row">
        <button type="button" onClick={() => void openShortcutSettings().catch(() => undefined)}>
          {t('shortcuts_change')}
        </button>
      </div>
    </section>
  );
}
