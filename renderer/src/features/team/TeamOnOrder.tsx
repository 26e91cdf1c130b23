// In Review: what teammates decided on the order in front of the analyst (who, when, on which
// laptop) and what stands for the team: a lead's resolution with its history, or a conflict a
// lead can resolve right here.
import { useState } from 'react';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { ResolveForm } from './ResolveForm';
import { orderKeyLabel } from '../../../../shared/domain/order';
import { isLead, resolutionText, who } from './teamWords';
import { useTeam } from './useTeamStatus';

export function TeammatesOnOrder({ orderKey }: { orderKey: string }) {
  const status = useTeam((s) => s.status);
  const version = useUi((s) => s.cacheVersion);
  const [resolving, setResolving] = useState(false);
  const signedIn = status?.signedIn ?? false;
  const seen = useAsync(
    async () => (signedIn ? { decisions: await cache.teammatesDecisions(orderKey), standing: await cache.teamStandingOf(orderKey) } : null),
    [orderKey, signedIn, status?.lastSyncAt, version],
    { keepStale: true },
  ).value;
  if (!seen || seen.decisions.length === 0) return null;
  const { decisions, standing } = seen;
  return (
    <section className="panel" aria-label="Teammates' decisions on this order" data-testid="teammates-decisions">
      <h2>Teammates on {orderKeyLabel(orderKey)}</h2>
      <ul>
        {decisions.map((d) => (
          <li key={`${d.deviceId}:${d.seq}`}>{who(d)}</li>
        ))}
      </ul>
      {standing?.resolution && !standing.conflict && <p data-testid="order-resolution">{resolutionText(standing)}</p>}
      {standing?.conflict && isLead(status?.account?.role) && (
        <div className="team-conflict">
          The team decided it differently.{' '}
          {resolving ? (
            <ResolveForm orderKey={orderKey} onDone={() => setResolving(false)} />
          ) : (
            <button className="link" onClick={() => setResolving(true)}>
              Resolve {orderKeyLabel(orderKey)}…
            </button>
          )}
        </div>
      )}
    </section>
  );
}
