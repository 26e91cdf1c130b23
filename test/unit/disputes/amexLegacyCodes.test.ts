// American Express disputes still arrive under Amex's numeric codes beside the letter ones:
// Braintree's list of the codes "actively being received" (developer.paypal.com/braintree/articles/
// risk-and-security/chargebacks-retrievals/chargeback-reason-codes, generated 2025-09-22, read
// 2026-12-06) files 193 and 4540 under fraud, 127 and 177 under not recognised, 155 and 4554 under
// product not received, 175, 684 and 4513 under credit not processed, 173 under duplicate.
import { describe, expect, it } from 'vitest';
import { evidenceCaseOf } from '../../../shared/disputes/evidenceCase';
import { reasonInfo } from '../../../shared/disputes/reasonCodes';

describe('Amex numeric reason codes', () => {
  it.each([
    ['193', 'fraud', 'fraud'],
    ['4540', 'fraud', 'fraud'],
    ['127', 'fraud', 'fraud'],
    ['177', 'fraud', 'fraud'],
    ['155', 'consumer', 'not_received'],
    ['4554', 'consumer', 'not_received'],
    ['175', 'consumer', 'credit_not_processed'],
    ['684', 'consumer', 'credit_not_processed'],
    ['4513', 'consumer', 'credit_not_processed'],
    ['173', 'processing', 'duplicate'],
  ] as const)('Amex %s: %s', (code, family, pack) => {
    expect(reasonInfo('amex', code).family).toBe(family);
    expect(evidenceCaseOf('amex', code)).toBe(pack);
  });
});
