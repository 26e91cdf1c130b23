// Adyen's defense requirements give Diners and Discover disputes their own file limit: "JPG: 10MB,
// TIFF: 10MB, PDF: 2MB … Diners and Discover: 3MB" (as Oracle Payment Cloud's Adyen dispute help
// repeats them, docs.oracle.com/en/industries/oracle-payment-cloud/latest/opcsc/t_chargebacks_defend.html;
// Checkout.com's scheme table: "Diners + Discover: total file size … must not exceed 3 MB"; read
// 2026-12-06). A 5 MB photo of the delivery passes for Visa but Adyen refuses it on a Discover dispute.
import { describe, expect, it } from 'vitest';
import { adyenDefense, type DefenseFileAttachment } from '../../../shared/disputes/adyenDefense';
import type { Dispute } from '../../../shared/domain/dispute';

const dispute = (network: Dispute['network']): Dispute => ({
  id: 'DZ4DPSHB4WD2WN82',
  provider: 'adyen',
  paymentId: '8815798214051270',
  orderKey: 'shopify:#700',
  network,
  reasonCode: network === 'discover' ? 'RG' : '13.1',
  amountMinor: 8_990,
  currency: 'USD',
  openedAt: Date.UTC(2026, 10, 10),
  dueAt: Date.UTC(2026, 10, 30),
  status: 'new',
});
const photo: DefenseFileAttachment = { id: 3, purpose: 'proof-of-delivery', type: 'jpeg', size: 5 * 1024 * 1024, savedAs: 'DZ4DPSHB4WD2WN82-attachment-3.jpg' };

describe('Adyen file limits by scheme', () => {
  it('a 5 MB JPG is fine for a Visa dispute and refused for a Discover one, saying why', () => {
    expect(adyenDefense(dispute('visa'), 'not_received', [photo], true).refused).toEqual([]);
    expect(adyenDefense(dispute('discover'), 'not_received', [photo], true).refused).toEqual([
      { id: 3, why: 'DZ4DPSHB4WD2WN82-attachment-3.jpg is over Adyen’s 3 MB for a Discover dispute' },
    ]);
  });
});
