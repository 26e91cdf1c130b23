// Past its deadline an open dispute is offered what its "Too late" hint says: accept it, or record
// what the network decided (won or lost). Gathering evidence for an answer that can no longer go in
// time is not offered; a late submission only through the submit guard. Before the deadline, and
// once answered, the workflow is as it was.
import { describe, expect, it } from 'vitest';
import { deadlineText } from '../../../shared/disputes/deadlines';
import { acceptCorrection, movesAt, pastDeadline, submitOverrides } from '../../../shared/disputes/workflow';

const NOW = Date.UTC(2026, 10, 18, 14);
const HOUR = 3_600_000;

describe('moves offered past the deadline', () => {
  it('new, overdue by 24 h: accept, won or lost; no gathering evidence', () => {
    expect(movesAt({ status: 'new', dueAt: NOW - 24 * HOUR }, NOW)).toEqual(['accepted', 'won', 'lost']);
  });

  it('gathering evidence, overdue: accept, won, lost, and a late submission the submit guard asks a reason for', () => {
    const d = { status: 'gathering_evidence' as const, dueAt: NOW - HOUR };
    expect(movesAt(d, NOW)).toEqual(['accepted', 'won', 'lost', 'submitted']);
    expect(submitOverrides({ ...d, evidence: [{ item: 'x', checked: true }] }, 'submitted', NOW)).toEqual(['after the deadline of 2026-11-18 13:00 UTC']);
  });

  it('before the deadline, without one, and once answered: the workflow as it was', () => {
    expect(movesAt({ status: 'new', dueAt: NOW + HOUR }, NOW)).toEqual(['gathering_evidence', 'accepted']);
    expect(movesAt({ status: 'gathering_evidence', dueAt: NOW + HOUR }, NOW)).toEqual(['submitted', 'accepted']);
    // Due at the very minute: still in time (the due time is the last moment that counts).
    expect(pastDeadline({ status: 'new', dueAt: NOW }, NOW)).toBe(false);
    expect(movesAt({ status: 'new', dueAt: 0 }, NOW)).toEqual(['gathering_evidence', 'accepted']);
    expect(movesAt({ status: 'submitted', dueAt: NOW - HOUR }, NOW)).toEqual(['won', 'lost']);
    expect(movesAt({ status: 'accepted', dueAt: NOW + HOUR }, NOW)).toEqual([]);
  });

  it('a fraud report (TC40, SAFE) asks nothing: no move is offered, in time or past a deadline', () => {
    expect(movesAt({ status: 'new', dueAt: NOW + HOUR, stage: 'fraud_report' }, NOW)).toEqual([]);
    expect(movesAt({ status: 'new', dueAt: NOW - HOUR, stage: 'fraud_report' }, NOW)).toEqual([]);
    expect(movesAt({ status: 'new', dueAt: NOW + HOUR, stage: 'inquiry' }, NOW)).toEqual(['gathering_evidence', 'accepted']);
  });
});

describe('a mistaken accept', () => {
  it('is corrected back to the status it was accepted from, while the provider still has the case open', () => {
    expect(acceptCorrection('new', ['gathering_evidence', 'accepted'])).toBe('gathering_evidence');
    expect(acceptCorrection('new', ['accepted'])).toBe('new');
    expect(acceptCorrection('gathering_evidence', ['accepted'])).toBe('gathering_evidence');
  });

  it('never goes back to an answer or outcome of an earlier stage: an inquiry answered, then raised to the chargeback accepted', () => {
    // The inquiry's answer was logged; the import brought the chargeback (new, a later deadline);
    // the chargeback was accepted by mistake. Back to "submitted" would claim an answer nobody sent.
    expect(acceptCorrection('new', ['gathering_evidence', 'submitted', 'accepted'])).toBe('new');
    expect(acceptCorrection('new', ['submitted', 'won', 'accepted'])).toBe('new');
    expect(acceptCorrection('submitted', ['submitted', 'accepted'])).toBe('submitted');
  });

  it('is final once the provider says the case is decided, or when the accept is the provider’s own', () => {
    // Stripe shows an accepted dispute as lost; Adyen as accepted.
    expect(acceptCorrection('lost', ['accepted'])).toBeNull();
    expect(acceptCorrection('accepted', ['accepted'])).toBeNull();
    expect(acceptCorrection('accepted', [])).toBeNull();
    // Corrected already: nothing more to correct until it is accepted again.
    expect(acceptCorrection('new', ['accepted', 'new'])).toBeNull();
    expect(acceptCorrection('new', ['accepted', 'new', 'accepted'])).toBe('new');
  });
});

describe('the deadline in a dispute’s detail', () => {
  const due = NOW + 29 * HOUR;
  it('counts down while an answer is awaited', () => {
    expect(deadlineText({ status: 'new', dueAt: due }, NOW)).toBe('respond by 2026-11-19 19:00 UTC (in 29 h)');
    expect(deadlineText({ status: 'new', dueAt: NOW - HOUR }, NOW)).toBe('respond by 2026-11-18 13:00 UTC (overdue by 1 h)');
  });

  it('stops counting once accepted, answered or decided', () => {
    expect(deadlineText({ status: 'accepted', dueAt: due }, NOW)).toBe('accepted, not contested (a response was due by 2026-11-19 19:00 UTC)');
    expect(deadlineText({ status: 'submitted', dueAt: due }, NOW)).toBe('a response was due by 2026-11-19 19:00 UTC');
    expect(deadlineText({ status: 'won', dueAt: 0 }, NOW)).toBe('no response allowed');
  });
});
