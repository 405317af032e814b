import { isPolicyField, managedRecord, parsePolicy, problemWith, storedManaged, type Policy, type PolicyReason } from './policy';

/**
 * What the options page tells the user about a policy: each value the administrator deployed that does not
 * apply, and why. Worked out by the pages from the managed values the background stored, so the worker, which
 * only applies the values that do, carries none of it.
 */

export interface IgnoredPolicyValue {
  key: string;
  value: unknown;
  reason: PolicyReason;
}

/** The values `parsePolicy` leaves out, each with its reason, in the order the administrator wrote them. */
export function ignoredPolicyValues(managed: unknown): IgnoredPolicyValue[] {
  const raw = managedRecord(managed);
  const ignored: IgnoredPolicyValue[] = [];
  const ignore = (key: string, value: unknown, reason: PolicyReason) => ignored.push({ key, value, reason });
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'locked') continue;
    const reason = isPolicyField(key) ? problemWith(key, value) : 'policy_reason_unknown';
    if (reason) ignore(key, value, reason);
  }
  const { values } = parsePolicy(raw);
  if (raw.activeEnd !== undefined && !('activeEnd' in values) && !problemWith('activeEnd', raw.activeEnd))
    ignore('activeEnd', raw.activeEnd, 'error_same_time');
  const locked = raw.locked ?? [];
  if (!Array.isArray(locked)) ignore('locked', locked, 'policy_reason_list');
  else {
    for (const key of locked as unknown[]) {
      if (!isPolicyField(key)) ignore('locked', key, 'policy_reason_unknown');
      else if (!(key in values)) ignore('locked', key, 'policy_reason_lock');
    }
  }
  return ignored;
}

/** The policy in effect and what of it was ignored, from what the background stored (`local:policy`). */
export function readPolicyForPage(stored: unknown): Policy & { ignored: IgnoredPolicyValue[] } {
  const managed = storedManaged(stored);
  return { ...parsePolicy(managed), ignored: ignoredPolicyValues(managed) };
}
