// Reason codes as exports write them, across networks and PSPs, to their normalised family.
import { describe, expect, it } from 'vitest';
import { reasonFamily, reasonInfo, reasonShown } from '../../../shared/disputes/reasonCodes';
import type { CardNetwork } from '../../../shared/domain/dispute';

const CASES: [CardNetwork | '', string, string][] = [
  ['visa', '10.4', 'fraud'],
  ['visa', ' 10.4 ', 'fraud'],
  ['visa', '11.3', 'authorisation'],
  ['visa', '12.6.1', 'processing'],
  ['visa', '12.6', 'processing'], // the group, as some processors write it
  ['visa', '13.10', 'consumer'], // a code of a group the table does not list: its group
  ['visa', '10.6', 'fraud'],
  ['visa', '13.1', 'consumer'],
  ['visa', 'fraudulent', 'fraud'], // a Stripe export of a Visa dispute
  ['visa', 'product_not_received', 'consumer'],
  ['mastercard', '4837', 'fraud'],
  ['mastercard', '4808', 'authorisation'],
  ['mastercard', '4834', 'processing'],
  ['mastercard', '4853', 'consumer'],
  ['amex', 'F29', 'fraud'],
  ['amex', 'fr2', 'fraud'],
  ['amex', 'A08', 'authorisation'],
  ['amex', 'P08', 'processing'],
  ['amex', 'C08', 'consumer'],
  ['paypal', 'UNAUTHORISED', 'fraud'],
  ['paypal', 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED', 'consumer'],
  ['paypal', 'duplicate_transaction', 'processing'],
  ['stripe', 'fraudulent', 'fraud'],
  ['stripe', 'unrecognized', 'fraud'],
  ['stripe', 'subscription_canceled', 'consumer'],
  ['stripe', 'bank_cannot_process', 'processing'],
  ['stripe', 'debit_not_authorized', 'authorisation'],
  ['stripe', 'general', 'unknown'],
  ['', '4837', 'fraud'], // a generic report without the network
  ['', '13.3', 'consumer'],
  ['visa', '99.9', 'unknown'],
  ['mastercard', '', 'unknown'],
];

describe('reason code families', () => {
  for (const [network, code, family] of CASES) {
    it(`${network || '(no network)'} ${JSON.stringify(code)} -> ${family}`, () => {
      expect(reasonFamily(network, code)).toBe(family);
    });
  }

  it('names the code, and says when it does not know it', () => {
    expect(reasonInfo('visa', '10.4').label).toBe('Other fraud: card-absent environment');
    expect(reasonInfo('visa', '99.9').label).toBe('Unknown reason code 99.9');
    expect(reasonInfo('stripe', '').label).toBe('No reason code given');
  });
});

describe('a reason as the analyst reads it', () => {
  it.each([
    ['visa', 'fraudulent', 'Fraudulent', 'Visa'],
    ['mastercard', 'general', 'General', 'Mastercard'],
    ['mastercard', 'product_not_received', 'Product not received', 'Mastercard'],
    ['paypal', 'UNAUTHORISED_TRANSACTION', 'Unauthorised transaction', 'PayPal'],
    // Stripe's codes spell American, the names British: a respelt code is still only repeated.
    ['visa', 'subscription_canceled', 'Subscription cancelled', 'Visa'],
    ['visa', 'unrecognized', 'Unrecognised', 'Visa'],
    ['mastercard', 'debit_not_authorized', 'Debit not authorised', 'Mastercard'],
    ['visa', 'check_returned', 'Cheque returned', 'Visa'],
    ['visa', 'noncompliant', 'Not compliant with network rules', 'Visa noncompliant'],
    ['visa', '10.4', 'Other fraud: card-absent environment', 'Visa 10.4'],
    ['mastercard', '4855', 'Goods or services not provided', 'Mastercard 4855'],
    ['amex', 'F29', 'Card not present', 'Amex F29'],
    ['discover', 'UA02', 'Fraud: card-not-present transaction', 'Discover UA02'],
    ['jcb', '526', 'Fraud', 'jcb 526'],
    ['', '4855', 'Goods or services not provided', '4855'],
  ])('%s %s: %s', (network, code, label, lead) => {
    // Network (as its owner writes it) and code once each, the name after: never "visa fraudulent Fraudulent".
    expect(reasonShown(network, code, label)).toEqual({ lead, label });
  });
});
