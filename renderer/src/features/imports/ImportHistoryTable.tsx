// Every import ever run on this cache, newest first, with Undo for the newest one (confirmed
// first: what it created goes, what it updated gets its previous values back).
import { useState } from 'react';
import { formatCount, showDateTime } from '../../../../shared/domain/money';
import type { ImportListEntry as ImportEntry } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';

export function ImportHistoryTable({
  entries,
  onUndo,
  onProblems,
  busy,
}: {
  entries: ImportEntry[];
  onUndo(e: ImportEntry): void;
  onProblems(e: ImportEntry): void;
  busy: boolean;
}) {
  const [confirmUndo, setConfirmUndo] = useState<ImportEntry | null>(null);
  const columns: Column<ImportEntry>[] = [
    { header: 'Started (UTC)', cell: (e) => showDateTime(e.startedAt) },
    { header: 'File', cell: (e) => e.fileName },
    { header: 'Format', cell: (e) => e.formatLabel ?? '—' },
    { header: 'Status', cell: (e) => <span className={`status status-${e.status}`}>{e.status}</span> },
    { header: 'Rows', right: true, cell: (e) => formatCount(e.rows) },
    { header: 'Created', right: true, cell: (e) => formatCount(e.created) },
    { header: 'Updated', right: true, cell: (e) => formatCount(e.updated) },
    { header: 'Unchanged', right: true, cell: (e) => formatCount(e.unchanged) },
    {
      header: 'Quarantined',
      right: true,
      cell: (e) =>
        e.quarantined > 0 ? (
          <button className="link" onClick={() => onProblems(e)}>
            {formatCount(e.quarantined)}
          </button>
        ) : (
          0
        ),
    },
    { header: 'Content hash', className: 'mono', cell: (e) => e.fileHash.slice(0, 12) },
    { header: 'Team', cell: (e) => <TeamCell entry={e} /> },
    {
      header: null,
      cell: (e) =>
        e.undoable && (
          <button onClick={() => setConfirmUndo(e)} disabled={busy}>
            {e.team?.state === 'shared' ? 'Undo for the team' : 'Undo'}
          </button>
        ),
    },
  ];
  return (
    <>
      {entries.length === 0 ? (
        <p className="muted">No imports yet.</p>
      ) : (
        <HistoryTable rows={entries} columns={columns} rowKey={(e) => e.id} rowProps={(e) => ({ 'data-status': e.status })} label="Import history" />
      )}
      {confirmUndo && (
        <div className="confirm" role="dialog" aria-label="Confirm undo">
          <p>
            Undo the import of <strong>{confirmUndo.fileName}</strong>? The {formatCount(confirmUndo.created)} rows it created are removed and the{' '}
            {formatCount(confirmUndo.updated)} it updated get their previous values back. The import stays in the history, marked undone.
            {confirmUndo.team?.state === 'shared' &&
              ' It is a team import: it is undone on every teammate’s laptop too, and the team server records that you undid it.'}
          </p>
          <button
            className="primary"
            onClick={() => {
              setConfirmUndo(null);
              onUndo(confirmUndo);
            }}
          >
            Undo import
          </button>
          <button onClick={() => setConfirmUndo(null)}>Cancel</button>
        </div>
      )}
    </>
  );
}

/** What the team made of an import: shared (by whom), waiting to be shared, or kept on this laptop only. */
function TeamCell({ entry }: { entry: ImportEntry }) {
  const team = entry.team;
  if (!team) return <span className="muted">—</span>;
  switch (team.state) {
    case 'shared':
      return <span data-team="shared">{team.mine ? 'Shared with the team' : `From ${team.by}`}</span>;
    case 'waiting':
      return (
        <span data-team="waiting" title={team.problem ?? undefined}>
          Waiting to be shared{team.problem ? ` (${team.problem})` : ''}
        </span>
      );
    case 'refused':
      return (
        <span data-team="refused" title={team.problem ?? undefined}>
          This laptop only: {team.problem}
        </span>
      );
    case 'duplicate':
      return <span data-team="duplicate">{team.problem ?? 'The team already had this file'}</span>;
  }
}
