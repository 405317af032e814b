import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createSerialQueue } from '@/utils/serial-queue';
import { watchSyncKey } from '@/utils/platform/storage/sync-watch';
import { listenForRequests } from '@/utils/platform/messaging/request-listener';
import { isAudioPlaying, queryIdleState, watchIdleState, type IdleState } from '@/utils/platform/environment';
import { openPopOutWindow } from '@/utils/platform/windows/routine-views';
import { SITTING_ALARMS } from '@/utils/sitting/rules';
import { TEST_REMINDER_ID } from '@/utils/protocol/messages';
import { SHORTCUTS } from '@/utils/protocol/shortcuts';
import { openSidePanel } from '@/utils/platform/windows/side-panel';
import { SYNC_KEYS } from '@/utils/storage-keys';
import { writeWorkerStart } from '@/utils/platform/storage/session';
import { handleDataRequest, handleRoutineRequest, handleSettingsRequest, handleSittingRequest } from './requests';
import { SITTING_ALARM_NAMES, STEP_ALARM, runBackgroundJob, type BackgroundInput, type JobRequest } from './job';
import { openReminderWindow, reminderIdOf } from './reminder';
import { CUE_NOTIFICATION_ID } from './step-cue';
import { readManagedPolicy } from './policy';

/**
 * The background wires browser events to jobs. Listeners are added
 * synchronously so an event that woke the worker is not missed. Every event
 * is one job on one serial queue, and only a job writes storage. The start
 * job runs first at every start, because a relaunch with --load-extension
 * reports `install` and never fires `onStartup`, and browsers drop alarms
 * across restarts.
 */
export default defineBackground(() => {
  const serially = createSerialQueue();
  const job = (request: JobRequest) => serially(() => runBackgroundJob(request, Date.now()));
  /** The organisation's policy, read outside the queue so that no job waits for the browser's answer. */
  const applyPolicy = () => void readManagedPolicy().then((managed) => job({ type: 'policy', managed }));

  listenForRequests({
    routine: (data, sender) => serially(() => handleRoutineRequest(data, Date.now(), sender)),
    sitting: (data, sender) => serially(() => handleSittingRequest(data, Date.now(), sender)),
    data: (data) => serially(() => handleDataRequest(data, Date.now())),
    settings: (data) => serially(() => handleSettingsRequest(data, Date.now())),
    refresh: () => job({ type: 'sitting', input: { type: 'wake' } }).then((outcome) => outcome.reply),
  });

  // Firefox starts an event page at browser start only when it listens for onStartup; the start job runs below.
  browser.runtime.onStartup.addListener(() => undefined);

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the browser ignores the returned promise; the fake browser's trigger() awaits it, so tests see the alarm's work done
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === STEP_ALARM) await job({ type: 'stepAlarm' });
    else if (alarm.name === SITTING_ALARMS.refresh) await job(refreshInput);
    else if (SITTING_ALARM_NAMES.includes(alarm.name)) await job({ type: 'sitting', input: { type: 'alarm' } });
  });

  watchIdleState((idleState) => void job(() => idleInput(idleState)));

  // Firefox's notifications have no buttons; there a click opens the choice window instead.
  if (import.meta.env.BROWSER !== 'firefox') {
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- as for alarms: returned so that a test can wait for the job
    browser.notifications.onButtonClicked.addListener((notificationId, buttonIndex) => {
      const reminderId = reminderIdOf(notificationId);
      // The test reminder takes this path too: the core knows it is never stored.
      if (reminderId === undefined) return;
      return job(buttonIndex === 0 ? { type: 'startBreak', reminderId } : { type: 'sitting', input: { type: 'snooze', reminderId } }).then(
        async ({ reply }) => {
          // A refusal here has no page to show it: the choice window opens with the reason.
          if (!reply.ok && reply.error !== 'error_stale_reminder') await openReminderWindow(reminderId, reply.error);
        },
      );
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
      return job({ type: 'reminderClosed', reminderId }).then(({ result }) => {
        if (result.effects.some((effect) => effect.type === 'openReminderWindow')) openedFromNotification.add(reminderId);
      });
    });
  }

  // A changed setting takes effect at once (the idle threshold, the break alarm, the badge), and a locked value stays.
  watchSyncKey(SYNC_KEYS.settings, () => void job({ type: 'settingsSynced' }));
  // A policy deployed or changed while the browser runs takes effect at once (Chrome; Firefox reads it at start).
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') applyPolicy();
  });
  // A routine edited in the options page shows in the popup's picker.
  watchSyncKey(SYNC_KEYS.presets, () => void job({ type: 'sitting', input: { type: 'settingsChanged' } }));
  // A break taken on another device of this synced profile; the core decides whether it counts here.
  watchSyncKey(SYNC_KEYS.sharedBreak, (record) => void job({ type: 'sharedBreak', record }));

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- as for alarms: returned so that a test can wait for the job
  browser.commands.onCommand.addListener((name, tab) => {
    // The side panel opens only in answer to the key itself, before anything is awaited; where it cannot, the job
    // opens the timer window instead.
    if (name === SHORTCUTS.openPlayer && tab?.windowId !== undefined) return openSidePanel(tab.windowId).catch(() => job({ type: 'shortcut', name }));
    return job({ type: 'shortcut', name });
  });

  // Marks this start in storage.session (gone at a browser restart), so that a test can prove a killed worker
  // really started again; it waits for nothing, and nothing waits for it.
  void writeWorkerStart(Date.now()).catch(() => undefined);
  // The start job catches up the routine and the sitting clock, heals the state, does the history's upkeep and
  // re-creates every alarm; then the idle state as it is now, and the policy as the browser has it.
  void job({ type: 'start' });
  void job(async (settings) => {
    const idleState = await queryIdleState(settings.breakThresholdMin).catch((): IdleState => 'active');
    return idleState === 'active' ? { type: 'stepAlarm' } : idleInput(idleState);
  });
  applyPolicy();
});

async function idleInput(idleState: IdleState): Promise<BackgroundInput> {
  const audible = idleState === 'idle' ? await isAudioPlaying().catch(() => false) : false;
  return { type: 'sitting', input: { type: 'idle', idleState, audible } };
}

/** The refresh also looks at idle and sound now, so an absence that began during music is not missed. */
async function refreshInput(settings: { breakThresholdMin: number }): Promise<BackgroundInput> {
  const idleState = await queryIdleState(settings.breakThresholdMin).catch((): IdleState => 'active');
  const seen = { idleState, audible: idleState !== 'active' && (await isAudioPlaying().catch(() => true)) };
  return { type: 'sitting', input: { type: 'alarm', seen } };
}
