import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { messaging } from '@/utils/messages';
import { createSerialQueue } from '@/utils/serial';
import { runMigrations } from '@/utils/migrations';
import { onboardedItem } from '@/utils/storage';
import { STEP_ALARM, handleRoutineRequest, handleStepAlarm, restoreRoutine } from './routine';

/**
 * The background wires browser events to the pure core. Listeners are added
 * synchronously so an event that woke the worker is not missed; recovery runs
 * at every start, because a relaunch with --load-extension reports `install`
 * and never fires `onStartup`, and browsers drop alarms across restarts.
 */
export default defineBackground(() => {
  const serially = createSerialQueue();

  messaging.onMessage('routine', ({ data }) => serially(() => handleRoutineRequest(data, Date.now())));

  browser.alarms.onAlarm.addListener((alarm) =>
    serially(async () => {
      if (alarm.name === STEP_ALARM) await handleStepAlarm(Date.now());
    }),
  );

  void serially(() => recover(Date.now()));
});

async function recover(now: number): Promise<void> {
  await runMigrations();
  await restoreRoutine(now);
  if (!(await onboardedItem.getValue())) {
    await onboardedItem.setValue(true);
    await browser.runtime.openOptionsPage();
  }
}
