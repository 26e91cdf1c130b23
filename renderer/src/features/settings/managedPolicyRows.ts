// How Settings words the organisation's policy: one label and one format per policy key, so
// a key added to the policy does not compile until it has its wording here.
import type { ManagedPolicy } from '../../../../shared/policy/managedPolicy';
import { managedPolicyValues, type ManagedPolicyKey } from '../../../../shared/policy/managedPolicyValues';

const days = (value: number | string) => (Number(value) === 1 ? '1 day' : `${value} days`);

const POLICY_WORDING: Record<ManagedPolicyKey, { label: string; format(value: number | string): string }> = {
  'review.slaHours': { label: 'Decision target', format: (v) => `${v} h` },
  'review.windowDays': { label: 'Review window', format: days },
  'backup.reminderDays': { label: 'Backup reminder', format: (v) => `every ${days(v)}` },
  'checkpoint.reminderDays': { label: 'Checkpoint reminder', format: (v) => `every ${days(v)}` },
  'teamServer.origin': { label: 'Team server', format: (v) => `${v} (reserved: the app does not connect to it yet)` },
};

export interface ManagedPolicyRow {
  key: ManagedPolicyKey;
  label: string;
  value: string;
}

export function managedPolicyRows(policy: ManagedPolicy): ManagedPolicyRow[] {
  return managedPolicyValues(policy).map(({ key, value }) => ({ key, label: POLICY_WORDING[key].label, value: POLICY_WORDING[key].format(value) }));
}
