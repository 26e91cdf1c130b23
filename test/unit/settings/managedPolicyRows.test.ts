// Settings words each policy value with its label and unit, in the policy's fixed order.
import { describe, expect, it } from 'vitest';
import { managedPolicyRows } from '../../../renderer/src/features/settings/managedPolicyRows';

describe('managedPolicyRows', () => {
  it('labels every value with its unit', () => {
    expect(
      managedPolicyRows({
        teamServer: { origin: 'https://workbench.example.com' },
        checkpoint: { reminderDays: 1 },
        backup: { reminderDays: 7 },
        review: { slaHours: 12, windowDays: 30 },
      }),
    ).toEqual([
      { key: 'review.slaHours', label: 'Decision target', value: '12 h' },
      { key: 'review.windowDays', label: 'Review window', value: '30 days' },
      { key: 'backup.reminderDays', label: 'Backup reminder', value: 'every 7 days' },
      { key: 'checkpoint.reminderDays', label: 'Checkpoint reminder', value: 'every 1 day' },
      { key: 'teamServer.origin', label: 'Team server', value: 'https://workbench.example.com (reserved: the app does not connect to it yet)' },
    ]);
  });

  it('shows only what the policy sets', () => {
    expect(managedPolicyRows({ backup: {} })).toEqual([]);
    expect(managedPolicyRows({ review: { windowDays: 1 } })).toEqual([{ key: 'review.windowDays', label: 'Review window', value: '1 day' }]);
  });
});
