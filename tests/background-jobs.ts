import { runBackgroundJob } from '@/entrypoints/background/job';
import { readManagedPolicy } from '@/entrypoints/background/policy';
import type { RequestSender } from '@/utils/platform/messaging/request-listener';
import type { Reply } from '@/utils/protocol/messages';
import type { SittingInput } from '@/utils/sitting/rules';

/** The jobs that tests run the way the background's listeners run them, by their input. */
export { handleDataRequest, handleRoutineRequest, handleSettingsRequest, handleSittingRequest } from '@/entrypoints/background/requests';

/** The start job: catches up, heals, does the history's upkeep and re-creates the alarms. */
export async function recoverState(now: number): Promise<void> {
  await runBackgroundJob({ type: 'start' }, now);
}

export async function handleSittingInput(input: SittingInput, now: number, sender: RequestSender = {}): Promise<Reply> {
  return (await runBackgroundJob({ type: 'sitting', input }, now, sender)).reply;
}

/** What the background does when the policy changes or at start: read it, then apply it in a job. */
export async function applyManagedPolicy(now = Date.now()): Promise<void> {
  await runBackgroundJob({ type: 'policy', managed: await readManagedPolicy() }, now);
}
