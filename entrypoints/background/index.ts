import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { messaging } from '@/utils/protocol/commands';
import { createSerialQueue } from '@/utils/serial-queue';
import { runMigrations } from '@/utils/platform/migrations';
import { onboardedItem, presetsItem, readSettings, settingsItem } from '@/utils/platform/storage';
import { isAudioPlaying, queryIdleState, setIdleThreshold, watchIdleState, type IdleState } from '@/utils/platform/environment';
import { openPopOutWindow } from '@/utils/platform/routine-views';
import { STEP_ALARM, handleRoutineRequest, handleStepAlarm, restoreRoutine } from './routine';
import { SITTING_ALARM_NAMES, handleSittingRequest, handleTrackerInput, trackerListens } from './sitting';
import { handleDataRequest } from './import-and-reset';
import { compactEventLog } from './event-log';
import { refreshViews } from './refresh-views';
import { answeringWindow, openReminderWindow, reminderIdOf } from './reminder';
import { CUE_NOTIFICATION_ID } from './step-cue';

/**
 * The background wires browser events to the pure core. Listeners are added
 * synchronously so an event that woke the worker is not missed; recovery runs
 * at every start, because a relaunch with --load-extension reports `install`
 * and never fires `onStartup`, and browsers drop alarms across restarts.
 * Every event goes through one queue, so state is read and written in turn.
 */
export default defineBackground(() => {
  const serially = createSerialQueue();

  messaging.onMessage('routine', ({ data }) => serially(() => handleRoutineRequest(data, Date.now(), trackerListens)));
  // A reminder window's command is answered before that window is closed (it closes itself on the reply).
  messaging.onMessage('sitting', ({ data, sender }) =>
    serially(() => answeringWindow(sender.tab?.windowId, () => handleSittingRequest(data, Date.now()))),
  );
  messaging.onMessage('data', ({ data }) => serially(() => handleDataRequest(data, Date.now())));
  messaging.onMessage('refresh', () =>
    serially(async () => {
      await refreshViews(Date.now());
      return { ok: true } as const;
    }),
  );

  browser.alarms.onAlarm.addListener((alarm) =>
    serially(async () => {
      if (alarm.name === STEP_ALARM) await handleStepAlarm(Date.now(), trackerListens);
      else if (SITTING_ALARM_NAMES.includes(alarm.name)) await handleTrackerInput({ type: 'alarm' }, Date.now());
    }),
  );

  watchIdleState((idleState) => void serially(() => onIdleState(idleState, Date.now())));

  // Firefox's notifications have no buttons, and it warns each time this listener is added.
  if (import.meta.env.BROWSER !== 'firefox') {
    browser.notifications.onButtonClicked.addListener((notificationId, buttonIndex) => {
      const reminderId = reminderIdOf(notificationId);
      if (reminderId === undefined) return;
      const type = buttonIndex === 0 ? 'startBreak' : 'snooze';
      void serially(() => handleSittingRequest({ type, reminderId }, Date.now()));
    });
  }

  browser.notifications.onClicked.addListener((notificationId) => {
    const reminderId = reminderIdOf(notificationId);
    // A click on the reminder opens the full choice (start, snooze, skip); on a step cue, the timer.
    if (reminderId !== undefined) void openReminderWindow(reminderId);
    else if (notificationId === CUE_NOTIFICATION_ID) void openPopOutWindow();
  });

  // Firefox starts an event page at browser start only if it listens to onStartup, and keeps no alarms
  // across a restart; without this, nothing runs the recovery below until some later event. The
  // recovery itself needs nothing from this event.
  browser.runtime.onStartup.addListener(() => undefined);

  // A changed setting takes effect at once: the idle threshold, the break alarm, the badge.
  settingsItem.watch(() => void serially(() => onSettingsChanged(Date.now())));
  // A routine edited in the options page shows in the popup's picker.
  presetsItem.watch(() => void serially(() => refreshViews(Date.now())));

  void serially(() => recover(Date.now()));
});

async function onIdleState(idleState: IdleState, now: number): Promise<void> {
  const audible = idleState === 'idle' ? await isAudioPlaying().catch(() => false) : false;
  await handleTrackerInput({ type: 'idle', idleState, audible }, now);
}

async function onSettingsChanged(now: number): Promise<void> {
  const { settings } = await readSettings();
  setIdleThreshold(settings.breakThresholdMin);
  await handleTrackerInput({ type: 'settingsChanged' }, now);
}

async function recover(now: number): Promise<void> {
  await runMigrations();
  await compactEventLog(now);
  await restoreRoutine(now, trackerListens);
  const { settings } = await readSettings();
  setIdleThreshold(settings.breakThresholdMin);
  // The gap since the last-seen time tells whether the browser was closed or the machine slept.
  await handleTrackerInput({ type: 'wake' }, now);
  const idleState = await queryIdleState(settings.breakThresholdMin);
  if (idleState !== 'active') await onIdleState(idleState, now);
  if (!(await onboardedItem.getValue())) {
    await onboardedItem.setValue(true);
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  }
}
