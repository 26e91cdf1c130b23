// Refund claims' deadlines: each kind's window as dated data (the row in force on the claim's start
// day), hours, calendar days and business days, the notice's own deadline first; and the windows'
// check when the analyst saves them.
import { describe, expect, it } from 'vitest';
import { addWindow, claimDeadline, cleanClaimWindows, DEFAULT_CLAIM_WINDOWS, windowFor, type ClaimWindow } from '../../../shared/disputes/claims';

const at = (iso: string) => Date.parse(iso);

describe('claim response windows', () => {
  it('gives every kind of claim a default window with its source and the day it was read', () => {
    for (const kind of ['amazon-a-to-z', 'amazon-safe-t', 'paypal-inr', 'paypal-snad', 'marketplace-return'] as const) {
      const w = windowFor(kind, at('2026-12-03T10:00:00Z'), DEFAULT_CLAIM_WINDOWS);
      expect(w, kind).not.toBeNull();
      expect(w!.source).toMatch(/^https:\/\//);
      expect(w!.readOn).toBe('2026-12-03');
    }
  });

  it('A-to-z: 72 hours from the claim; PayPal: 10 days from the escalation', () => {
    const opened = at('2026-11-30T23:30:00Z');
    expect(new Date(claimDeadline({ kind: 'amazon-a-to-z', openedAt: opened, noticeDueAt: null }, DEFAULT_CLAIM_WINDOWS).dueAt).toISOString()).toBe(
      '2026-12-03T23:30:00.000Z',
    );
    const paypal = claimDeadline({ kind: 'paypal-inr', openedAt: at('2026-12-25T08:00:00Z'), noticeDueAt: null }, DEFAULT_CLAIM_WINDOWS);
    expect(new Date(paypal.dueAt).toISOString()).toBe('2027-01-04T08:00:00.000Z');
    expect(paypal.text).toMatch(/^10 days from the escalation to a claim to respond to PayPal \(https:\/\/.+, read 2026-12-03\)$/);
  });

  it('SAFE-T: 60 days from a refund before 16 February 2026, 30 days from one on or after it', () => {
    const before = claimDeadline({ kind: 'amazon-safe-t', openedAt: at('2026-02-15T12:00:00Z'), noticeDueAt: null }, DEFAULT_CLAIM_WINDOWS);
    expect(new Date(before.dueAt).toISOString()).toBe('2026-04-16T12:00:00.000Z');
    const after = claimDeadline({ kind: 'amazon-safe-t', openedAt: at('2026-02-16T00:00:00Z'), noticeDueAt: null }, DEFAULT_CLAIM_WINDOWS);
    expect(new Date(after.dueAt).toISOString()).toBe('2026-03-18T00:00:00.000Z');
    expect(after.window?.effectiveFrom).toBe('2026-02-16');
  });

  it('business days skip weekends: a return request on Friday is due on Wednesday; across a year end too', () => {
    expect(new Date(addWindow(at('2026-12-04T15:00:00Z'), 3, 'business-days')).toISOString()).toBe('2026-12-09T15:00:00.000Z');
    expect(new Date(addWindow(at('2026-12-31T09:00:00Z'), 3, 'business-days')).toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(new Date(addWindow(at('2027-02-27T09:00:00Z'), 1, 'business-days')).toISOString()).toBe('2027-03-01T09:00:00.000Z');
  });

  it('takes the deadline a notice names over the window, and says when none is known', () => {
    const notice = at('2026-12-05T12:00:00Z');
    expect(claimDeadline({ kind: 'paypal-snad', openedAt: at('2026-12-01T00:00:00Z'), noticeDueAt: notice }, DEFAULT_CLAIM_WINDOWS)).toMatchObject({
      dueAt: notice,
      from: 'notice',
    });
    expect(claimDeadline({ kind: 'amazon-a-to-z', openedAt: at('2026-12-01T00:00:00Z'), noticeDueAt: null }, [])).toMatchObject({ dueAt: 0, from: 'none' });
  });

  it('saves windows only with a whole amount, a day, a source and the day it was read', () => {
    const ok: ClaimWindow = { ...DEFAULT_CLAIM_WINDOWS[0]!, source: '  https://example.org/policy ', note: ' x ' };
    expect(cleanClaimWindows([ok])[0]).toMatchObject({ source: 'https://example.org/policy', note: 'x' });
    expect(() => cleanClaimWindows([{ ...ok, amount: 1.5 }])).toThrow('Window 1: the window is a whole number from 1 to 3650');
    expect(() => cleanClaimWindows([ok, { ...ok, source: ' ' }])).toThrow('Window 2: name the source');
    expect(() => cleanClaimWindows([{ ...ok, readOn: 'yesterday' }])).toThrow('Window 1: say the day the source was read');
    expect(() => cleanClaimWindows([{ ...ok, effectiveFrom: '2026-13' }])).toThrow('Window 1: "from" is a day');
  });
});
