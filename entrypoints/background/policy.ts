import { browser } from 'wxt/browser';
import { lockedSettings, parsePolicy, policyPatch, storedManaged, type Policy, type StoredPolicy } from '@/utils/settings/policy';
import { applySettingsPatch, settingsToStore } from '@/utils/settings/settings';
import { readSettings, writeStoredSettings } from '@/utils/platform/worker-storage';
import { readManagedStorage } from '@/utils/platform/managed-storage';

/** The managed values as last read (`StoredPolicy`), for the pages and for the next start's comparison; only the background writes it. */
export const POLICY_KEY = 'policy';

/** How long to wait for managed storage; after a browser restart Chromium can hold the answer while its policies load. */
const MANAGED_READ_TIMEOUT_MS = 2000;

/**
 * The organisation's policy as deployed now. No policy at all (Firefox then throws), or no managed
 * storage: nothing is managed. A browser that does not answer in time leaves the policy last read in
 * effect, so a slow start neither drops a lock nor holds up the jobs queued behind it.
 */
export async function readPolicy(): Promise<Policy> {
  return parsePolicy(await readManaged());
}

async function readManaged(): Promise<unknown> {
  const raw = await readManagedStorage(MANAGED_READ_TIMEOUT_MS);
  if (raw !== undefined) return raw;
  return storedManaged((await browser.storage.local.get(POLICY_KEY))[POLICY_KEY]);
}

/**
 * Reads the organisation's policy and applies it (the rule is in
 * utils/settings/policy.ts). The settings are written before the policy
 * record, so a worker killed in between finds the new values in place and
 * keeps them.
 */
export async function applyManagedPolicy(): Promise<void> {
  const managed = await readManaged();
  const policy = parsePolicy(managed);
  const [stored, local] = await Promise.all([readSettings(), browser.storage.local.get([POLICY_KEY, 'remindHere'])]);
  const { remindHere, ...patch } = policyPatch(
    { ...stored.settings, remindHere: local.remindHere !== false },
    // Written by this code alone; a damaged record only makes values look chosen by the user, and so kept.
    parsePolicy(storedManaged(local[POLICY_KEY])).values,
    policy,
  );
  if (Object.keys(patch).length > 0) await writeStoredSettings(settingsToStore(stored, { ...applySettingsPatch(stored.settings, patch), ...lockedSettings(policy) }));
  // No policy at all is stored as null: storage drops an undefined value.
  const record: StoredPolicy = { managed: managed ?? null };
  if (remindHere !== undefined || JSON.stringify(record) !== JSON.stringify(local[POLICY_KEY])) {
    await browser.storage.local.set({ [POLICY_KEY]: record, ...(remindHere === undefined ? {} : { remindHere }) });
  }
}
