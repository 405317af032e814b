import { browser } from 'wxt/browser';
import { lockedSettings, parsePolicy, policyPatch, type Policy } from '@/utils/settings/policy';
import { applySettingsPatch, settingsToStore } from '@/utils/settings/settings';
import { readSettings, writeStoredSettings } from '@/utils/platform/worker-storage';
import { readManagedStorage } from '@/utils/platform/managed-storage';

/** The policy in effect, for the pages and for the next start's comparison; only the background writes it. */
export const POLICY_KEY = 'policy';

/** How long to wait for managed storage; after a browser restart Chromium can hold the answer while its policies load. */
const MANAGED_READ_TIMEOUT_MS = 2000;

/**
 * The organisation's policy as deployed now. No policy at all (Firefox then throws), or no managed
 * storage: nothing is managed. A browser that does not answer in time leaves the policy last read in
 * effect, so a slow start neither drops a lock nor holds up the jobs queued behind it.
 */
export async function readPolicy(): Promise<Policy> {
  const raw = await readManagedStorage(MANAGED_READ_TIMEOUT_MS);
  if (raw !== undefined) return parsePolicy(raw);
  const lastRead = (await browser.storage.local.get(POLICY_KEY))[POLICY_KEY] as Policy | undefined;
  return lastRead ?? parsePolicy(null);
}

/**
 * Reads the organisation's policy and applies it (the rule is in
 * utils/settings/policy.ts). The settings are written before the policy
 * record, so a worker killed in between finds the new values in place and
 * keeps them.
 */
export async function applyManagedPolicy(): Promise<void> {
  const policy = await readPolicy();
  const [stored, local] = await Promise.all([readSettings(), browser.storage.local.get([POLICY_KEY, 'remindHere'])]);
  const { remindHere, ...patch } = policyPatch(
    { ...stored.settings, remindHere: local.remindHere !== false },
    // Written by this code alone; a damaged record only makes values look chosen by the user, and so kept.
    (local[POLICY_KEY] as Policy | undefined)?.values ?? {},
    policy,
  );
  if (Object.keys(patch).length > 0) await writeStoredSettings(settingsToStore(stored, { ...applySettingsPatch(stored.settings, patch), ...lockedSettings(policy) }));
  if (remindHere !== undefined || JSON.stringify(policy) !== JSON.stringify(local[POLICY_KEY])) {
    await browser.storage.local.set({ [POLICY_KEY]: policy, ...(remindHere === undefined ? {} : { remindHere }) });
  }
}
