// Who works on this case, in the order, ring and dispute panels while signed in to a team:
// "Claimed by Ben Ito since …", Claim and Release, and for a lead a pick list to hand it to
// someone. The server decides every change; offline the controls say so and wait.
import { useState } from 'react';
import { caseHolders, mayClaim, mayReassign, type CaseRef } from '../../../../shared/team';
import type { Claim, TeamStatus } from '../../core/contract';
import { cache } from '../../core/client';
import { ErrorAlert } from '../../app/Alerts';
import { useActions } from '../../ui/useAsync';
import { useCaseClaims, useClaimOf } from './useCaseClaims';
import { useTeam } from './useTeamStatus';
import { when } from './teamWords';
import { formatDateTime } from '../../../../shared/domain/money';

// UTC, as every other time the app shows.
const time = (at: number) => `${formatDateTime(at).slice(11)} UTC`;

const isMine = (claim: Claim | null, status: TeamStatus) => claim !== null && claim.holder.toLowerCase() === status.account?.name.toLowerCase();

/** The sentence every teammate reads about a case's claim. */
export function claimSentence(claim: Claim, you: string | null): string {
  const holder = you !== null && claim.holder.toLowerCase() === you.toLowerCase() ? `${claim.holder} (you)` : claim.holder;
  return `Claimed by ${holder} since ${when(claim.since)}${claim.assignedBy ? `, assigned by ${claim.assignedBy}` : ''}.`;
}

/** Why claims cannot change now, or null when the server answered the last read. */
function unreachable(status: TeamStatus, problem: string | null, readAt: number | null): string | null {
  const asOf = readAt ? ` Claims as read at ${time(readAt)}.` : '';
  if (problem) return `Claims cannot change now: ${problem.replace(/\.$/, '')}.${asOf}`;
  if (status.offlineSince) return `Claims cannot change now: the team server cannot be reached since ${time(status.offlineSince)}.${asOf}`;
  return null;
}

export function CaseClaimBar({ of, what }: { of: CaseRef; what: string }) {
  const status = useTeam((s) => s.status);
  const claim = useClaimOf(of);
  const { problem, readAt, accounts } = useCaseClaims();
  const { run, busy, error } = useActions();
  const [to, setTo] = useState('');
  if (!status?.signedIn || !status.account) return null;
  const { role, name } = status.account;
  const lead = mayReassign(role);
  const mine = isMine(claim, status);
  const offline = unreachable(status, problem, readAt);
  const locked = busy || offline !== null || readAt === null;
  const act = (job: () => Promise<unknown>) =>
    run(async () => {
      try {
        await job();
      } finally {
        // Whatever the answer, show the server's view now (a refused claim: who has it).
        await useCaseClaims.getState().refresh(useTeam.getState().status);
      }
    });
  const choices = (accounts ? caseHolders(accounts) : []).filter((a) => a.name !== claim?.holder);

  return (
    <div className="case-claim" role="group" aria-label={`Who works on this ${what}`} data-testid="case-claim">
      <span data-testid="case-claim-holder">
        {readAt === null && !offline
          ? 'Reading who holds this case…'
          : claim
            ? claimSentence(claim, name)
            : `Not claimed: nobody on the team has this ${what}.`}
      </span>
      {mayClaim(role) && !claim && (
        <button disabled={locked} onClick={() => void act(() => cache.claimCase(of.subject, of.key))}>
          Claim
        </button>
      )}
      {claim && (mine || lead) && (
        <button disabled={locked} onClick={() => void act(() => cache.releaseCase(of.subject, of.key))}>
          Release
        </button>
      )}
      {lead && choices.length > 0 && (
        <span className="case-claim-reassign">
          <label>
            Reassign to{' '}
            <select value={to} disabled={locked} onChange={(e) => setTo(e.target.value)}>
              <option value="">choose…</option>
              {choices.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.name} ({a.role})
                </option>
              ))}
            </select>
          </label>
          <button disabled={locked || !to} onClick={() => void act(() => cache.reassignCase(of.subject, of.key, to)).then(() => setTo(''))}>
            Reassign
          </button>
        </span>
      )}
      {claim && !mine && !lead && mayClaim(role) && <span className="muted">Only a lead can hand it to someone else.</span>}
      {!mayClaim(role) && <span className="muted">A {role} account sees claims but does not claim cases.</span>}
      {offline && (
        <span className="muted" role="status">
          {offline}
        </span>
      )}
      <ErrorAlert message={error} inline />
    </div>
  );
}
