// PayPal's case report names a PayPal-funded chargeback's reason in words: "Non-Receipt", "Not as
// Described" (as the Resolution Center writes them; PayPal's dispute notifications send non_receipt
// and not_as_described, PayPal Merchant User Manual, Dispute Notification Variables, table B.9).
// The reason tables read those words (reasonCodes.ts); the evidence pack must read them too, so a
// not-received chargeback argues the delivery, not the general pack.
import { describe, expect, it } from 'vitest';
import { evidenceCaseOf } from '../../../shared/disputes/evidenceCase';
import { reasonInfo } from '../../../shared/disputes/reasonCodes';

describe('the evidence pack of a PayPal case named in words', () => {
  it.each([
    ['Non-Receipt', 'not_received'],
    ['non_receipt', 'not_received'],
    ['Item not received', 'not_received'],
    ['Not as Described', 'not_as_described'],
    ['Significantly not as described', 'not_as_described'],
    ['Credit Not Processed', 'credit_not_processed'],
    ['Duplicate Transaction', 'duplicate'],
  ] as const)('%s: %s', (reason, want) => {
    expect(reasonInfo('paypal', reason).family).not.toBe('unknown');
    expect(evidenceCaseOf('paypal', reason)).toBe(want);
  });
});
