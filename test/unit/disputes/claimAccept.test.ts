// A refund claim past its response deadline is offered what can still happen: accept it, or record
// what the marketplace decided; a SAFE-T claim, the seller's own, can only be given up once its
// filing window has passed. Accepting asks to confirm what is given up, in the claim's own words.
import { describe, expect, it } from 'vitest';
import { claimAcceptCorrection, claimAcceptText, claimLateText, claimMovesAt } from '../../../shared/disputes/claims';

const NOW = Date.UTC(2026, 10, 18, 14);
const HOUR = 3_600_000;

describe('moves offered past a claim’s deadline', () => {
  it('A-to-z, PayPal, a return, new or gathering evidence and overdue: accept, won or lost; no gathering, no submission', () => {
    for (const kind of ['amazon-a-to-z', 'paypal-inr', 'paypal-snad', 'marketplace-return'] as const) {
      expect(claimMovesAt({ kind, status: 'new', dueAt: NOW - HOUR }, NOW), kind).toEqual(['accepted', 'won', 'lost']);
      expect(claimMovesAt({ kind, status: 'gathering_evidence', dueAt: NOW - HOUR }, NOW), kind).toEqual(['accepted', 'won', 'lost']);
    }
    expect(claimLateText({ kind: 'amazon-a-to-z', status: 'new', dueAt: NOW - HOUR }, NOW)).toBe(
      'Too late to respond in time: accept it, or record what Amazon decided (won or lost).',
    );
  });

  it('SAFE-T past its filing window: only given up (a late filing is rejected, nothing to win)', () => {
    expect(claimMovesAt({ kind: 'amazon-safe-t', status: 'new', dueAt: NOW - HOUR }, NOW)).toEqual(['accepted']);
    expect(claimMovesAt({ kind: 'amazon-safe-t', status: 'gathering_evidence', dueAt: NOW - HOUR }, NOW)).toEqual(['accepted']);
    expect(claimLateText({ kind: 'amazon-safe-t', status: 'new', dueAt: NOW - HOUR }, NOW)).toMatch(/^Too late to file: Amazon rejects/);
  });

  it('in time, due this very minute, without a deadline, once submitted or decided: the workflow as it was', () => {
    expect(claimMovesAt({ kind: 'amazon-a-to-z', status: 'new', dueAt: NOW + HOUR }, NOW)).toEqual(['gathering_evidence', 'accepted']);
    expect(claimMovesAt({ kind: 'amazon-a-to-z', status: 'new', dueAt: NOW }, NOW)).toEqual(['gathering_evidence', 'accepted']);
    expect(claimMovesAt({ kind: 'amazon-safe-t', status: 'gathering_evidence', dueAt: 0 }, NOW)).toEqual(['submitted', 'accepted']);
    expect(claimMovesAt({ kind: 'paypal-inr', status: 'submitted', dueAt: NOW - HOUR }, NOW)).toEqual(['won', 'lost']);
    expect(claimMovesAt({ kind: 'amazon-safe-t', status: 'submitted', dueAt: NOW - HOUR }, NOW)).toEqual(['won', 'lost']);
    expect(claimMovesAt({ kind: 'paypal-inr', status: 'accepted', dueAt: NOW - HOUR }, NOW)).toEqual([]);
    expect(claimLateText({ kind: 'paypal-inr', status: 'submitted', dueAt: NOW - HOUR }, NOW)).toBeNull();
  });
});

describe('the accept confirm names what is given up', () => {
  it('a claim against the seller: the amount refunded to the buyer, the claim granted or decided for the buyer', () => {
    expect(claimAcceptText('amazon-a-to-z', '€59.90')).toEqual({
      question: 'Accept this A-to-z claim of €59.90 without contesting it?',
      givesUp: 'The claim is granted: the €59.90 is refunded to the buyer at your cost, and you no longer respond to Amazon.',
      confirm: 'Accept and give up €59.90',
    });
    expect(claimAcceptText('paypal-snad', '€12.00').givesUp).toBe(
      'PayPal decides it for the buyer: the €12.00 is refunded to the buyer, and you no longer respond to PayPal.',
    );
    expect(claimAcceptText('marketplace-return', '£5.00').givesUp).toContain('the £5.00 is refunded to the buyer');
  });

  it('SAFE-T, the seller’s own claim: not filed, the refund not reimbursed', () => {
    const t = claimAcceptText('amazon-safe-t', '€30.00');
    expect(t.question).toBe('Give up this SAFE-T claim of €30.00 without filing it?');
    expect(t.givesUp).toBe('Amazon does not reimburse the €30.00 you refunded to the buyer, and a SAFE-T claim filed after its window is rejected.');
  });
});

describe('a mistaken accept of a claim', () => {
  it('goes back to the open step it was accepted from, while the claim is open where it is decided', () => {
    const atoz = { kind: 'amazon-a-to-z' as const, status: 'new' as const, dueAt: NOW + HOUR };
    expect(claimAcceptCorrection(atoz, ['accepted'], NOW)).toBe('new');
    expect(claimAcceptCorrection(atoz, ['gathering_evidence', 'accepted'], NOW)).toBe('gathering_evidence');
    // Past the deadline the outcome can still be recorded (won or lost): worth correcting.
    expect(claimAcceptCorrection({ ...atoz, dueAt: NOW - HOUR }, ['accepted'], NOW)).toBe('new');
    expect(claimAcceptCorrection({ ...atoz, kind: 'paypal-inr', status: 'submitted' }, ['accepted'], NOW)).toBe('submitted');
  });

  it('not once decided there, not when the last step is not the accept, not when only giving up is left', () => {
    const atoz = { kind: 'amazon-a-to-z' as const, status: 'lost' as const, dueAt: NOW + HOUR };
    expect(claimAcceptCorrection(atoz, ['accepted'], NOW)).toBeNull();
    expect(claimAcceptCorrection({ ...atoz, status: 'new' }, ['accepted', 'new'], NOW)).toBeNull();
    // A SAFE-T claim past its filing window can only be accepted again: nothing a correction would change.
    expect(claimAcceptCorrection({ kind: 'amazon-safe-t', status: 'new', dueAt: NOW - HOUR }, ['accepted'], NOW)).toBeNull();
    expect(claimAcceptCorrection({ kind: 'amazon-safe-t', status: 'new', dueAt: NOW + HOUR }, ['accepted'], NOW)).toBe('new');
  });
});
