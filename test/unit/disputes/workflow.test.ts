import { describe, expect, it } from 'vitest';
import { canMove, EVIDENCE } from '../../../shared/disputes/workflow';
import { REASON_FAMILIES } from '../../../shared/disputes/reasonCodes';

describe('dispute workflow', () => {
  it('moves new -> gathering evidence -> submitted -> won / lost, or accepted early; never back', () => {
    expect(canMove('new', 'gathering_evidence')).toBe(true);
    expect(canMove('gathering_evidence', 'submitted')).toBe(true);
    expect(canMove('submitted', 'won')).toBe(true);
    expect(canMove('submitted', 'lost')).toBe(true);
    expect(canMove('new', 'accepted')).toBe(true);
    expect(canMove('new', 'won')).toBe(false);
    expect(canMove('submitted', 'gathering_evidence')).toBe(false);
    expect(canMove('won', 'lost')).toBe(false);
  });

  it('has an evidence checklist for every reason family', () => {
    for (const f of REASON_FAMILIES) expect(EVIDENCE[f].length).toBeGreaterThan(1);
    expect(EVIDENCE.fraud).toContain('Earlier undisputed orders on the card (CE 3.0)');
  });
});
