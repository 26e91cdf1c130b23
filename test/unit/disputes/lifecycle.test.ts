// Which of two records of one case says where it is now (shared/disputes/lifecycle.ts).
import { describe, expect, it } from 'vitest';
import { isNewerState } from '../../../shared/disputes/lifecycle';

const MAY_15 = Date.UTC(2026, 4, 15);
const JUNE_2 = Date.UTC(2026, 5, 2);

describe('isNewerState', () => {
  it('by event times where both records date theirs, in either direction', () => {
    expect(isNewerState({ status: 'won', statusAt: MAY_15 }, { status: 'new', statusAt: JUNE_2 })).toBe(true);
    expect(isNewerState({ status: 'new', statusAt: JUNE_2 }, { status: 'won', statusAt: MAY_15 })).toBe(false);
    expect(isNewerState({ status: 'submitted', statusAt: JUNE_2 }, { status: 'new', statusAt: MAY_15 })).toBe(false);
  });

  it('otherwise along the lifecycle: on or where it is, never back; at the same step the later read', () => {
    expect(isNewerState({ status: 'submitted' }, { status: 'new' })).toBe(false);
    expect(isNewerState({ status: 'won', statusAt: MAY_15 }, { status: 'gathering_evidence' })).toBe(false);
    expect(isNewerState({ status: 'new' }, { status: 'submitted', statusAt: MAY_15 })).toBe(true);
    expect(isNewerState({ status: 'won' }, { status: 'lost' })).toBe(true);
    expect(isNewerState({ status: 'submitted', statusAt: MAY_15 }, { status: 'submitted', statusAt: MAY_15 })).toBe(true);
  });

  it('a chargeback is newer than its inquiry or fraud report, whatever either says', () => {
    expect(isNewerState({ status: 'won', stage: 'inquiry' }, { status: 'new' })).toBe(true);
    expect(isNewerState({ status: 'new' }, { status: 'submitted', stage: 'inquiry', statusAt: JUNE_2 })).toBe(false);
    expect(isNewerState({ status: 'accepted', stage: 'fraud_report', statusAt: JUNE_2 }, { status: 'new', statusAt: MAY_15 })).toBe(true);
  });
});
