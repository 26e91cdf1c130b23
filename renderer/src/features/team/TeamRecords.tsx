// Teammates' records where an analyst looks for them: their notes on the order in front of the
// analyst, their changes to the open dispute, and their linking overrides beside this laptop's
// (applied here only when the analyst says so). An erased text says so instead of showing blank.
import { showDateTime } from '../../../../shared/domain/money';
import { STATUS_LABEL } from '../../../../shared/disputes/workflow';
import type { TeammateDisputeStep, TeammateNote, TeamOverrideRow } from '../../core/contract';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { useAsync } from '../../ui/useAsync';
import { useTeam } from './useTeamStatus';

const ERASED = 'erased on request';

/** Loads `load` while signed in, again after each sync round and each change to the cache. */
function useTeamRecords<T>(load: () => Promise<T>, deps: readonly unknown[]): T | null {
  const status = useTeam((s) => s.status);
  const version = useUi((s) => s.cacheVersion);
  return useAsync(() => (status?.signedIn ? load() : null), [status?.signedIn, status?.lastSyncAt, version, ...deps]).value;
}

function noteText(n: TeammateNote): string {
  const what = n.decision === 'note' ? 'noted' : `${n.decision} with a note`;
  return `${showDateTime(n.at)} · ${n.analyst} ${what}: ${n.text ?? `(${ERASED})`}`;
}

export function TeammatesNotes({ orderKey }: { orderKey: string }) {
  const notes = useTeamRecords(() => cache.teammatesNotes(orderKey), [orderKey]);
  if (!notes || notes.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="teammates-notes-title" data-testid="teammates-notes">
      <h2 id="teammates-notes-title">Teammates' notes on {orderKey.split(':').slice(1).join(':')}</h2>
      <ul>
        {notes.map((n) => (
          <li key={n.eventId} className={n.text === null ? 'muted' : undefined}>
            {noteText(n)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function stepText(s: TeammateDisputeStep): string {
  switch (s.kind) {
    case 'status':
      return `status → ${STATUS_LABEL[s.status]}${s.note === null ? ` (${ERASED})` : s.note ? ` (${s.note})` : ''}`;
    case 'evidence':
      return `${s.checked ? 'ticked' : 'unticked'} “${s.item}”`;
    case 'attachment':
      return `${s.action} ${s.name ?? `a file (${ERASED})`} (${s.type.toUpperCase()}, ${s.size} bytes, SHA-256 ${s.sha256.slice(0, 12)}…)`;
    default: {
      const never: never = s;
      return String(never);
    }
  }
}

/** In the dispute panel: what teammates did on it; their files stay on their laptops (named by hash). */
export function TeammatesOnDispute({ disputeId }: { disputeId: string }) {
  const steps = useTeamRecords(() => cache.teammatesDisputeSteps(disputeId), [disputeId]);
  if (!steps || steps.length === 0) return null;
  return (
    <div data-testid="teammates-dispute">
      <h3>Teammates on this dispute</h3>
      <ul>
        {steps.map((s) => (
          <li key={s.eventId}>
            {showDateTime(s.at)} · {s.analyst}: {stepText(s)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * In Rings, beside this laptop's overrides: the team's, each offered to apply here. Not applied by
 * itself: linking on this laptop changes only by a decision its analyst can answer for.
 */
export function TeamOverridesPanel({ onApply, refreshKey }: { onApply(deviceId: string, overrideId: number): void; refreshKey: unknown }) {
  const overrides = useTeamRecords(() => cache.teamOverrides(), [refreshKey]);
  if (!overrides || overrides.length === 0) return null;
  const columns: Column<TeamOverrideRow>[] = [
    { header: 'When (UTC)', cell: (o) => showDateTime(o.at) },
    { header: 'Who', cell: (o) => o.analyst },
    { header: 'Action', cell: (o) => o.action },
    { header: 'Key', cell: (o) => o.type },
    { header: 'Value', cell: (o) => o.value ?? ERASED },
    { header: 'Why', cell: (o) => o.reason ?? ERASED },
    {
      header: 'Here',
      cell: (o) =>
        o.revokedAt !== null ? (
          `taken back ${showDateTime(o.revokedAt)}`
        ) : o.appliedHere ? (
          'applied'
        ) : o.value ? (
          <button
            className="link"
            onClick={() => onApply(o.deviceId, o.overrideId)}
            aria-label={`Apply ${o.analyst}'s ${o.action} override of ${o.value} here`}
          >
            Apply here
          </button>
        ) : (
          'cannot apply'
        ),
    },
  ];
  return (
    <section className="panel wide" aria-labelledby="team-overrides-title" data-testid="team-overrides">
      <h2 id="team-overrides-title">Teammates' linking overrides</h2>
      <p className="muted">Applying one makes it this laptop's own override, in your name, its reason naming whose it was.</p>
      <HistoryTable rows={overrides} columns={columns} rowKey={(o) => `${o.deviceId}:${o.overrideId}`} label="Teammates' linking overrides" />
    </section>
  );
}
