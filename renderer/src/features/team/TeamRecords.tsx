// Teammates' records where an analyst looks for them: their notes on the order in front of the
// analyst, their changes and files on the open dispute, and their linking overrides beside this
// laptop's (applied here only when the analyst says so). An erased text says so instead of showing blank.
import { orderKeyLabel } from '../../../../shared/domain/order';
import { describeLinkValue } from '../../../../shared/normalize';
import { ATTACHMENT_TYPE_LABEL } from '../../../../shared/disputes/attachments';
import { showDateTime } from '../../../../shared/domain/money';
import { STATUS_LABEL } from '../../../../shared/disputes/workflow';
import { ErrorAlert } from '../../app/Alerts';
import { exportAttachment } from '../../app/exportFile';
import type { AttachmentInfo, TeammateDisputeStep, TeammateNote, TeamOverrideRow } from '../../core/contract';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { useActions, useAsync } from '../../ui/useAsync';
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
  return `${showDateTime(n.at)} UTC · ${n.analyst} ${what}: ${n.text ?? `(${ERASED})`}`;
}

export function TeammatesNotes({ orderKey }: { orderKey: string }) {
  const notes = useTeamRecords(() => cache.teammatesNotes(orderKey), [orderKey]);
  if (!notes || notes.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="teammates-notes-title" data-testid="teammates-notes">
      <h2 id="teammates-notes-title">Teammates' notes on {orderKeyLabel(orderKey)}</h2>
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
      return `${s.action} ${s.name ?? `a file (${ERASED})`} (${s.type.toUpperCase()}, ${s.size} bytes, SHA-256 ${s.sha256.slice(0, 12)}…)${s.removedSince ? ', removed since' : ''}`;
    default: {
      const never: never = s;
      return String(never);
    }
  }
}

type TeammateFileStep = Extract<TeammateDisputeStep, { kind: 'attachment' }>;

/**
 * In the dispute panel: what teammates did on it. A file a teammate attached (and still has) is
 * offered from the team server, checked against its SHA-256 first: saved as a file, never opened,
 * or added to this dispute's files here, so it goes into this laptop's evidence pack.
 */
export function TeammatesOnDispute({ disputeId, here, onChange }: { disputeId: string; here: readonly AttachmentInfo[]; onChange(): Promise<void> }) {
  const steps = useTeamRecords(() => cache.teammatesDisputeSteps(disputeId), [disputeId]);
  const { run, busy, error } = useActions();
  if (!steps || steps.length === 0) return null;

  const download = (s: TeammateFileStep) =>
    run(async () => {
      const file = await cache.teammateAttachment(s.eventId);
      await exportAttachment(
        file,
        `${disputeId}-team-attachment-${s.sha256.slice(0, 12)}`,
        `${s.analyst}'s attachment to dispute ${disputeId}, from the team (${ATTACHMENT_TYPE_LABEL[file.type]})`,
      );
    });
  const addHere = (s: TeammateFileStep) =>
    run(async () => {
      await cache.addTeammateAttachment(s.eventId);
      await onChange();
    });
  const offered = (s: TeammateDisputeStep): s is TeammateFileStep & { name: string } =>
    s.kind === 'attachment' && s.action === 'attached' && !s.removedSince && s.name !== null;

  return (
    <div data-testid="teammates-dispute">
      <h3>Teammates on this dispute</h3>
      <ErrorAlert message={error} />
      <ul>
        {steps.map((s) => (
          <li key={s.eventId}>
            {showDateTime(s.at)} UTC · {s.analyst}: {stepText(s)}
            {offered(s) && (
              <>
                {' '}
                <button className="link" disabled={busy} onClick={() => void download(s)} aria-label={`Download ${s.name} from the team`}>
                  Download from the team
                </button>{' '}
                {here.some((f) => f.sha256 === s.sha256) ? (
                  <span className="muted">(in this dispute's files)</span>
                ) : (
                  <button className="link" disabled={busy} onClick={() => void addHere(s)} aria-label={`Add ${s.name} to this dispute's evidence`}>
                    Add to this dispute's evidence
                  </button>
                )}
              </>
            )}
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
    { header: 'Value', cell: (o) => (o.value === null ? ERASED : <span title={o.value}>{describeLinkValue(o.type, o.value)}</span>) },
    { header: 'Why', cell: (o) => o.reason ?? ERASED },
    {
      header: 'Here',
      cell: (o) =>
        o.revokedAt !== null ? (
          `taken back ${showDateTime(o.revokedAt)} UTC`
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
