import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type CommandListener = (name: string, tab?: { windowId?: number }) => unknown;

/**
 * The `commands` API, which the fake browser leaves unimplemented (every
 * call throws): the keys in use, as Chromium reports them after install, and
 * a way to fire a shortcut as the browser does when its keys are pressed.
 */
export const fakeCommands = {
  inUse: [] as Array<{ name: string; description: string; shortcut: string }>,
  listeners: [] as CommandListener[],
  /** Delivers a shortcut to every listener and waits for what they return, as the fake's own trigger() does. */
  async fire(name: string, tab?: { windowId?: number }): Promise<void> {
    await Promise.all(this.listeners.map((listener) => listener(name, tab)));
  },
};

export function installFakeCommands(): void {
  fakeCommands.inUse = [
    { name: 'take-break', description: 'Take a break now (start the break routine)', shortcut: 'Alt+Shift+G' },
    { name: 'pause-resume', description: 'Pause or resume the running routine', shortcut: 'Alt+Shift+H' },
    { name: 'snooze', description: 'Snooze the break reminder', shortcut: 'Alt+Shift+D' },
    { name: 'open-side-panel', description: 'Open the routine timer', shortcut: 'Alt+Shift+O' },
    { name: '_execute_action', description: '', shortcut: '' },
  ];
  fakeCommands.listeners = [];
  const listeners = fakeCommands.listeners;
  Object.assign(fakeBrowser.commands, {
    getAll: vi.fn(async () => fakeCommands.inUse.map((c) => ({ ...c }))),
    onCommand: {
      addListener: (l: CommandListener) => void listeners.push(l),
      removeListener: (l: CommandListener) => void listeners.splice(listeners.indexOf(l) >>> 0, 1),
      hasListener: (l: CommandListener) => listeners.includes(l),
      hasListeners: () => listeners.length > 0,
    },
  });
}
