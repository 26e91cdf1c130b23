// The settings a managed policy sets, by the dotted names an administrator writes
// ("review.slaHours"). Apart from the zod schema so the renderer bundle does not carry zod.
import type { ManagedPolicy } from './managedPolicy';

/** One dotted name per setting. */
export type ManagedPolicyKey = 'review.slaHours' | 'review.windowDays' | 'backup.reminderDays' | 'checkpoint.reminderDays' | 'teamServer.origin';

/** The settings a policy sets, by dotted name, in a fixed order; unset ones are left out. */
export function managedPolicyValues(policy: ManagedPolicy): { key: ManagedPolicyKey; value: number | string }[] {
  const all: [ManagedPolicyKey, number | string | undefined][] = [
    ['review.slaHours', policy.review?.slaHours],
    ['review.windowDays', policy.review?.windowDays],
    ['backup.reminderDays', policy.backup?.reminderDays],
    ['checkpoint.reminderDays', policy.checkpoint?.reminderDays],
    ['teamServer.origin', policy.teamServer?.origin],
  ];
  return all.filter((entry): entry is [ManagedPolicyKey, number | string] => entry[1] !== undefined).map(([key, value]) => ({ key, value }));
}
