// In Review, for everyone: the orders the team decided differently (a lead resolves them here) and
// the ones a lead resolved, each with the decisions it settled. Every laptop reads the same events,
// so a resolution made on one clears the conflict on all of them at their next sync.
import { useState } from 'react';
import type { DecisionConflict, TeamDecision, TeamStanding } from '../../core/contract';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { ResolveForm } from './ResolveForm';
import { orderKeyLabel } from '../../../../shared/domain/order';
import { isLead, resolutionText, VERB, when } from './teamWords';
import { useTeam } from './useTeamStatus';

/** Resolutions listed at most; older ones stay in the logs and in the reports. */
const RESOLUTIONS_SHOWN = 10;

export function TeamConflicts() {
  const status = useTeam((s) => s.status);
  const version = useUi((s) => s.cacheVersion);
  const [resolving, setResolving] = useState<string | null>(null);
  const signedIn = status?.signedIn ?? false;
  const deps = [signedIn, status?.lastSyncAt, version];
  // Kept on screen while a sync round reloads them, so an open resolution form stays put.
  const conflicts = useAsync<DecisionConflict<TeamDecision>[]>(() => (signedIn ? cache.teamConflicts() : null), deps, { keepStale: true }).value;
  const resolved = useAsync<TeamStanding<TeamDecision>[]>(() => (signedIn ? cache.teamResolutions() : null), deps, { keepStale: true }).value;
  if (!signedIn) return null;
  const lead = isLead(status?.account?.role);
  const latest = [...(resolved ?? [])].sort((a, b) => b.resolution!.at - a.resolution!.at);
  return (
    <>
      {conflicts && conflicts.length > 0 && (
        <section className="panel team-conflict" aria-labelledby="conflicts-title" data-testid="team-conflicts">
          <h2 id="conflicts-title">Decided differently by the team{lead ? ': for you to resolve' : ''}</h2>
          <p className="muted">Both decisions stay in the log; until a lead decides the order, the later one counts.</p>
          <ul>
            {conflicts.map((c) => (
              <li key={c.orderKey} data-testid="team-conflict">
                <strong>{orderKeyLabel(c.orderKey)}</strong>: {c.decisions.map((d) => `${d.analyst} ${VERB[d.decision]} it (${when(d.at)})`).join('; ')}
                {c.reopens && <span className="muted"> · decided again since {c.reopens.analyst}&apos;s resolution</span>}
                {lead && resolving !== c.orderKey && (
                  <>
                    {' '}
                    <button className="link" aria-label={`Resolve ${orderKeyLabel(c.orderKey)}`} onClick={() => setResolving(c.orderKey)}>
                      Resolve…
                    </button>
                  </>
                )}
                {lead && resolving === c.orderKey && <ResolveForm orderKey={c.orderKey} onDone={() => setResolving(null)} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {latest.length > 0 && (
        <section className="panel" aria-labelledby="resolutions-title" data-testid="team-resolutions">
          <h2 id="resolutions-title">Resolved by a lead</h2>
          <ul>
            {latest.slice(0, RESOLUTIONS_SHOWN).map((s) => (
              <li key={s.orderKey}>
                <strong>{orderKeyLabel(s.orderKey)}</strong>: {resolutionText(s)}
              </li>
            ))}
          </ul>
          {latest.length > RESOLUTIONS_SHOWN && <p className="muted small">and {latest.length - RESOLUTIONS_SHOWN} earlier (in the logs and the KPI report)</p>}
        </section>
      )}
    </>
  );
}
