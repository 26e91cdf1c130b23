import { describe, expect, it } from 'vitest';
import { caseHolders, caseId, caseOf, mayClaim, mayListAccounts, mayManageAccounts, mayReassign, ROLES, type TeamAccount } from '../../../shared/team';

const account = (name: string, role: TeamAccount['role'], disabled = false): TeamAccount => ({ name, role, disabled, lockedUntil: null });

describe('team case claims', () => {
  it('offer a lead only active analysts and leads to hand a case to, by name', () => {
    const team = [
      account('Zoe', 'analyst'),
      account('Ben', 'analyst', true),
      account('Ada', 'admin'),
      account('Cora', 'compliance'),
      account('Lea', 'lead'),
      account('Émile', 'analyst'),
    ];
    expect(caseHolders(team).map((a) => a.name)).toEqual(['Émile', 'Lea', 'Zoe']);
  });

  it('name a chargeback and a refund claim with the same id as two cases, and an order and ring by their own keys', () => {
    expect(caseId(caseOf.chargeback('X-1'))).not.toBe(caseId(caseOf.refundClaim('X-1')));
    expect(caseOf.chargeback('dp_1')).toEqual({ subject: 'dispute', key: 'chargeback:dp_1' });
    expect(caseOf.order('shopify:#1001')).toEqual({ subject: 'order', key: 'shopify:#1001' });
    expect(caseOf.ring('ring:shopify:#1001')).toEqual({ subject: 'ring', key: 'ring:shopify:#1001' });
  });

  it('give claims, the account list and account changes to the roles the issue names', () => {
    const who = (may: (r: (typeof ROLES)[number]) => boolean) => ROLES.filter(may);
    expect(who(mayClaim)).toEqual(['admin', 'lead', 'analyst']);
    expect(who(mayReassign)).toEqual(['admin', 'lead']);
    expect(who(mayListAccounts)).toEqual(['admin', 'lead']);
    expect(who(mayManageAccounts)).toEqual(['admin']);
  });
});
