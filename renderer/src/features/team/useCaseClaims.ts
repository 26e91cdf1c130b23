// Who holds which case, as the window shows it: the server's claims read after every sync round
// and after this laptop's own claim, release or reassignment, and (for a lead or admin) the team's
// accounts for the reassign pick list. Claims live on the server only: offline, the last answer
// stays, marked with when it was read, and the controls say the server cannot be reached.
import { create } from 'zustand';
import { caseId, mayListAccounts, type CaseRef } from '../../../../shared/team';
import { cache } from '../../core/client';
import type { Claim, TeamAccount, TeamStatus } from '../../core/contract';
import { messageOf } from '../../ui/useAsync';

interface CaseClaimsState {
  byCase: ReadonlyMap<string, Claim>;
  /** The team's accounts, for a lead or admin; null for others or before the first read. */
  accounts: TeamAccount[] | null;
  /** When the claims shown were read from the server (the window's clock). */
  readAt: number | null;
  /** Why the last read failed (the server unreachable, the session ended), or null. */
  problem: string | null;
  /** Reads the claims (and accounts, for a lead) again for the team status given; never throws. */
  refresh(status: TeamStatus | null): Promise<void>;
  /** Forgets everything (signed out). */
  clear(): void;
}

const EMPTY: ReadonlyMap<string, Claim> = new Map();

export const useCaseClaims = create<CaseClaimsState>((set) => ({
  byCase: EMPTY,
  accounts: null,
  readAt: null,
  problem: null,
  async refresh(status) {
    if (!status?.signedIn || !status.account) {
      set({ byCase: EMPTY, accounts: null, readAt: null, problem: null });
      return;
    }
    try {
      const lead = mayListAccounts(status.account.role);
      const [claims, accounts] = await Promise.all([cache.teamClaims(), lead ? cache.teamAccounts() : Promise.resolve(null)]);
      set({ byCase: new Map(claims.map((c) => [caseId(c), c])), accounts, readAt: Date.now(), problem: null });
    } catch (e) {
      set({ problem: messageOf(e) });
    }
  },
  clear() {
    set({ byCase: EMPTY, accounts: null, readAt: null, problem: null });
  },
}));

/** Who holds this case, if anyone (re-renders only when that claim changes). */
export function useClaimOf(ref: CaseRef | null): Claim | null {
  return useCaseClaims((s) => (ref ? (s.byCase.get(caseId(ref)) ?? null) : null));
}
