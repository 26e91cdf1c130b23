// A reason code means what its network says: Mastercard 4863 is "Cardholder does not recognise:
// potential fraud", Discover's 4863 is "Authorization Non-Compliance" (TabaPay's Discover exception
// codes, developers.tabapay.com/docs/discover-1, read 2026-12-06). A ring's fraud-chargeback count
// and the review's chargebacks per order read the code with the dispute's network.
import { describe, expect, it } from 'vitest';
import { isFraudReason } from '../../../shared/linking';

describe('a fraud reason, by the dispute’s network', () => {
  it('Mastercard 4863 is fraud; Discover 4863 is an authorisation dispute', () => {
    expect(isFraudReason('4863', 'mastercard')).toBe(true);
    expect(isFraudReason('4863', 'discover')).toBe(false);
    expect(isFraudReason('UA02', 'discover')).toBe(true);
  });
});
