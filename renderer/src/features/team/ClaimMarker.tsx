// The compact sign in a list row that a teammate (or you) holds the case: the holder's initials,
// with the full sentence for a screen reader and on hover.
import type { CaseRef } from '../../../../shared/team';
import { claimSentence } from './CaseClaimBar';
import { useClaimOf } from './useCaseClaims';
import { useTeam } from './useTeamStatus';

function initials(name: string): string {
  const parts = name.split(/[\s._-]+/u).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts.at(-1)!] : parts;
  return letters.map((p) => [...p][0]!.toUpperCase()).join('');
}

export function ClaimMarker({ of }: { of: CaseRef }) {
  const claim = useClaimOf(of);
  const you = useTeam((s) => s.status?.account?.name ?? null);
  if (!claim) return null;
  const sentence = claimSentence(claim, you);
  const mine = you !== null && claim.holder.toLowerCase() === you.toLowerCase();
  return (
    <span className={`claim-marker${mine ? ' mine' : ''}`} title={sentence} data-testid="claim-marker">
      <span aria-hidden="true">{initials(claim.holder)}</span>
      <span className="visually-hidden">{sentence}</span>
    </span>
  );
}
