// In Review: what teammates decided on the order in front of the analyst (who, when, on which
// laptop), and for everyone, flagged for a lead, the orders the team decided differently.
import type { DecisionConflict, TeamDecision } from '../../core/contract';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { useTeam } from './useTeamStatus';

const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const VERB: Record<string, string> = { hold: 'held', release: 'released', cancel: 'cancelled', note: 'noted', undo: 'undid a decision on' };

function who(d: TeamDecision): string {
  return `${d.analyst} ${VERB[d.decision] ?? d.decision} it${d.reasonCode ? ` (${d.reasonCode})` : ''} · ${when(d.at)} · laptop ${d.deviceId.slice(0, 8)}`;
}

export function TeammatesOnOrder({ orderKey }: { orderKey: string }) {
  const status = useTeam((s) => s.status);
  const version = useUi((s) => s.cacheVersion);
  const decisions = useAsync(() => (status?.signedIn ? cache.teammatesDecisions(orderKey) : null), [orderKey, status?.lastSyncAt, version]).value;
  if (!decisions || decisions.length === 0) return null;
  return (
    <section className="panel" aria-label="Teammates' decisions on this order" data-testid="teammates-decisions">
      <h2>Teammates on {orderKey.split(':').slice(1).join(':')}</h2>
      <ul>
        {decisions.map((d) => (
          <li key={`${d.deviceId}:${d.seq}`}>{who(d)}</li>
        ))}
      </ul>
    </section>
  );
}

export function TeamConflicts() {
  const status = useTeam((s) => s.status);
  const version = useUi((s) => s.cacheVersion);
  const conflicts = useAsync<DecisionConflict[]>(() => (status?.signedIn ? cache.teamConflicts() : null), [status?.lastSyncAt, version]).value;
  if (!conflicts || conflicts.length === 0) return null;
  const lead = status?.account?.role === 'lead' || status?.account?.role === 'admin';
  return (
    <section className="panel team-conflict" aria-labelledby="conflicts-title" data-testid="team-conflicts">
      <h2 id="conflicts-title">Decided differently by the team{lead ? ': for you to resolve' : ''}</h2>
      <p className="muted">Both decisions stay in the log; until a lead decides the order, the later one counts.</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.orderKey}>
            <strong>{c.orderKey.split(':').slice(1).join(':')}</strong>:{' '}
            {c.decisions.map((d) => `${d.analyst} ${VERB[d.decision]} it (${when(d.at)})`).join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
