import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createSerialQueue } from '@/utils/serial-queue';
import { readOnboarded, readSettings, runMigrations, watchSyncKey, writeOnboarded } from '@/utils/platform/worker-storage';
import { listenForCommands } from '@/utils/platform/command-listener';
import { isAudioPlaying, queryIdleState, setIdleThreshold, watchIdleState, type IdleState } from '@/utils/platform/environment';
import { openPopOutWindow } from '@/utils/platform/routine-views';
import type { JobInput } from '@/utils/jobs/run';
import { SITTING_ALARMS } from '@/utils/sitting/rules';
import { TEST_REMINDER_ID } from '@/utils/protocol/commands';
import { SHORTCUTS } from '@/utils/protocol/shortcuts';
import { openSidePanel } from '@/utils/platform/side-panel';
import { SHARED_BREAK_KEY } from '@/utils/sitting/shared-break';
import { writeWorkerStart } from '@/utils/platform/storage-full';
import { handleRoutineRequest, handleSettingsRequest, handleSittingRequest, recoverState } from './commands';
import { handleDataRequest } from './import-and-reset';
import { SITTING_ALARM_NAMES, STEP_ALARM, maintainHistory, runBackgroundJob } from './job';
import { openReminderWindow, openWindowForClosedReminder, reminderIdOf } from './reminder';
import { CUE_NOTIFICATION_ID } from './step-cue';
import { applyManagedPolicy } from './policy';

/**
 * The background wires browser events to jobs. Listeners are added
 * synchronously so an event that woke the worker is not missed. Every event
 * is one job on one serial queue; recovery runs as the first job of every
 * start, because a relaunch with --load-extension reports `install` and never
 * fires `onStartup`, and browsers drop alarms across restarts.
 */
export default defineBackground(() => {
  const serially = createSerialQueue();
  const job = (input: JobInput) => serially(() => runBackgroundJob(input, Date.now()));

  listenForCommands({
    routine: (data, sender) => serially(() => handleRoutineRequest(data, Date.now(), sender)),
    sitting: (data, sender) => serially(() => handleSittingRequest(data, Date.now(), sender)),
    data: (data) => serially(() => handleDataRequest(data, Date.now())),
    settings: (data) => serially(() => handleSettingsRequest(data)),
    refresh: () => job({ type: 'sitting', input: { type: 'wake' } }).then((outcome) => outcome.reply),
  });

  // Firefox starts an event page at browser start only when it listens for onStartup; recovery itself runs below.
  browser.runtime.onStartup.addListener(() => undefined);

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the browser ignores the returned promise; the fake browser's trigger() awaits it, so tests see the alarm's work done
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === STEP_ALARM) await job({ type: 'stepAlarm' });
    else if (SITTING_ALARM_NAMES.includes(alarm.name)) await serially(() => onSittingAlarm(alarm.name, Date.now()));
  });

  watchIdleState((idleState) => void serially(() => onIdleState(idleState, Date.now())));

  // Firefox's notifications have no buttons; there a click opens the choice window instead.
  if (import.meta.env.BROWSER !== 'firefox') {
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- as for alarms: returned so that a test can wait for the job
    browser.notifications.onButtonClicked.addListener((notificationId, buttonIndex) => {
      const reminderId = reminderIdOf(notificationId);
      // The test reminder takes this path too: the core knows it is never stored.
      if (reminderId === undefined) return;
      const type = buttonIndex === 0 ? 'startBreak' : 'snooze';
      return serially(async () => {
        const reply = await handleSittingRequest({ type, reminderId }, Date.now());
        // A refusal here has no page to show it: the choice window opens with the reason.
        if (!reply.ok && reply.error !== 'error_stale_reminder') await openReminderWindow(reminderId, reply.error);
      });
    });
  }

  // The reminders whose window has been opened from their notification: each opens at most once that way.
  const openedFromNotification = new Set<string>();

  browser.notifications.onClicked.addListener((notificationId) => {
    const reminderId = reminderIdOf(notificationId);
    // A click on the reminder opens the full choice (start, snooze, skip); on a step cue, the timer.
    if (reminderId !== undefined) {
      openedFromNotification.add(reminderId);
      // In the queue, so that Firefox's onClosed, which follows every click, finds the window already open.
      void serially(() => openReminderWindow(reminderId));
    } else if (notificationId === CUE_NOTIFICATION_ID) void openPopOutWindow();
  });

  // Firefox closes notifications by itself after about 20 s; an unanswered reminder then opens its window, once.
  if (import.meta.env.BROWSER === 'firefox') {
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- as for alarms: returned so that a test can wait for the job
    browser.notifications.onClosed.addListener((notificationId) => {
      const reminderId = reminderIdOf(notificationId);
      if (reminderId === undefined || reminderId === TEST_REMINDER_ID || openedFromNotification.has(reminderId)) return;
      return serially(async () => {
        if (await openWindowForClosedReminder(reminderId, Date.now())) openedFromNotification.add(reminderId);
      });
    });
  }

  // A changed setting takes effect at once: the idle threshold, the break alarm, the badge.
  watchSyncKey('settings', () => void serially(() => onSettingsChanged(Date.now())));
  // A policy deployed or changed while the browser runs takes effect at once (Chrome; Firefox reads it at start).
  browser.storage.onChanged.addListener((_, area) => void (area === 'managed' && serially(applyManagedPolicy)));
  // A routine edited in the options page shows in the popup's picker.
  watchSyncKey('presets', () => void job({ type: 'sitting', input: { type: 'settingsChanged' } }));
  // A break taken on another device of this synced profile; the core decides whether it counts here.
  watchSyncKey(SHARED_BREAK_KEY, (record) => void job({ type: 'sharedBreak', record }));

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- as for alarms: returned so that a test can wait for the job
  browser.commands.onCommand.addListener((name, tab) => {
    // The side panel opens only in answer to the key itself, before anything is awaited; where it cannot, the job
    // opens the timer window instead.
    if (name === SHORTCUTS.openPlayer && tab?.windowId !== undefined) return openSidePanel(tab.windowId).catch(() => job({ type: 'shortcut', name }));
    return job({ type: 'shortcut', name });
  });

  void serially(() => recover(Date.now()));
});

function logStartFailure(error: unknown) {
  console.warn('Roll Call: upkeep at start failed; the state and alarms are recovered all the same', error);
}

async function onIdleState(idleState: IdleState, now: number): Promise<void> {
  const audible = idleState === 'idle' ? await isAudioPlaying().catch(() => false) : false;
  await runBackgroundJob({ type: 'sitting', input: { type: 'idle', idleState, audible } }, now);
}

/** The refresh also looks at idle and sound now, so an absence that began during music is not missed. */
async function onSittingAlarm(name: string, now: number): Promise<void> {
  let seen: { idleState: IdleState; audible: boolean } | undefined;
  if (name === SITTING_ALARMS.refresh) {
    const { settings } = await readSettings();
    const idleState = await queryIdleState(settings.breakThresholdMin).catch((): IdleState => 'active');
    seen = { idleState, audible: idleState !== 'active' && (await isAudioPlaying().catch(() => true)) };
  }
  await runBackgroundJob({ type: 'sitting', input: { type: 'alarm', seen } }, now);
}

async function onSettingsChanged(now: number): Promise<void> {
  // A change synced from a device without the policy does not undo a locked value here.
  await applyManagedPolicy();
  const { settings } = await readSettings();
  setIdleThreshold(settings.breakThresholdMin);
  await runBackgroundJob({ type: 'sitting', input: { type: 'settingsChanged' } }, now);
}

async function recover(now: number): Promise<void> {
  // First, so that a stopped worker's start is seen even if the upkeep below fails.
  await writeWorkerStart(now).catch(logStartFailure);
  // Upkeep that fails (a full store, say) must never keep the start from re-creating the alarms below.
  await runMigrations().catch(logStartFailure);
  await maintainHistory(now).catch(logStartFailure);
  const { settings } = await readSettings();
  setIdleThreshold(settings.breakThresholdMin);
  // One job catches up the routine and the sitting clock, heals the state, and re-creates every alarm.
  await recoverState(now);
  // After the alarms: a policy that changes settings starts a settings job of its own.
  await applyManagedPolicy().catch(logStartFailure);
  const idleState = await queryIdleState(settings.breakThresholdMin).catch((): IdleState => 'active');
  if (idleState !== 'active') await onIdleState(idleState, now);
  if (!(await readOnboarded())) {
    await writeOnboarded();
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  }
}
