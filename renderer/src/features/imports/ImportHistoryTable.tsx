// Every import ever run on this cache, newest first, with Undo for the newest one (confirmed
// first: what it created goes, what it updated gets its previous values back). A team import is
// undone for the whole team, offered only to a role the team lets undo (else it says who may).
import { useState } from 'react';
import { countOf, formatCount, sentenceCase, showDateTime } from '../../../../shared/domain/money';
import type { ImportListEntry as ImportEntry } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { undoneText } from '../../ui/countWording';
import { ModalDialog } from '../../ui/ModalDialog';
import { maskedForDisplay } from '../../../../shared/ingest/cardScreen';
import { misfitHistoryLine } from '../../../../shared/orders/paymentFit';

export function ImportHistoryTable({
  entries,
  onUndo,
  onProblems,
  onRowsToFix,
  busy,
  teamUndo,
}: {
  entries: ImportEntry[];
  onUndo(e: ImportEntry): void;
  onProblems(e: ImportEntry): void;
  /** Saves an import's rows to fix again (offered when the history knows how its file was read). */
  onRowsToFix(e: ImportEntry): void;
  busy: boolean;
  /** Whether this laptop's session may undo a team import, or why not. */
  teamUndo: { offered: true } | { offered: false; why: string };
}) {
  const [confirmUndo, setConfirmUndo] = useState<ImportEntry | null>(null);
  const [shownWarnings, setShownWarnings] = useState<number | null>(null);
  const warningsOf = entries.find((e) => e.id === shownWarnings) ?? null;
  const columns: Column<ImportEntry>[] = [
    { header: 'Started (UTC)', className: 'wrap-words', cell: (e) => showDateTime(e.startedAt) },
    {
      header: 'File',
      // The content hash under the name (one file, one hash): a column of its own left the team's words no room.
      cell: (e) => (
        <>
          {e.fileName}
          <span className="file-hash mono muted">
            <span className="visually-hidden">content hash </span>
            {e.fileHash.slice(0, 12)}
          </span>
        </>
      ),
    },
    { header: 'Format', className: 'wrap-words', cell: (e) => e.formatLabel ?? '—' },
    {
      header: 'Status',
      // Its warnings under the status, as a count that opens their words below the table: the sentences would not fit a cell.
      cell: (e) => {
        const said = messagesCount(e);
        return (
          <>
            <span className={`status status-${e.status}`}>{e.status}</span>
            {said && (
              <button
                className="link warn import-warnings-button"
                aria-label={`${said} of ${e.fileName}`}
                aria-expanded={shownWarnings === e.id}
                onClick={() => setShownWarnings(shownWarnings === e.id ? null : e.id)}
              >
                {said}
              </button>
            )}
          </>
        );
      },
    },
    { header: 'Rows', right: true, cell: (e) => formatCount(e.rows) },
    { header: 'Created', right: true, cell: (e) => formatCount(e.created) },
    { header: 'Updated', right: true, cell: (e) => formatCount(e.updated) },
    { header: 'Unchanged', right: true, cell: (e) => formatCount(e.unchanged) },
    {
      header: 'Quarantined',
      right: true,
      // The count saves their list (line, column, problem); Rows to fix, the rows themselves from the file, chosen again.
      cell: (e) =>
        e.quarantined > 0 ? (
          <span className="quarantined-cell">
            <button
              className="link"
              aria-label={`List of the ${countOf(e.quarantined, 'quarantined row')} of ${e.fileName}`}
              title="Save their list: line, column and problem"
              onClick={() => onProblems(e)}
            >
              {formatCount(e.quarantined)}
            </button>
            {e.readAs && (
              <button
                className="link"
                aria-label={`Rows to fix of ${e.fileName}`}
                title={`Save the ${countOf(e.quarantined, 'quarantined row')} of ${e.fileName} with their problems, to fix and import again (read from the file: choose it as it was imported)`}
                onClick={() => onRowsToFix(e)}
              >
                Rows to fix
              </button>
            )}
          </span>
        ) : (
          0
        ),
    },
    // The team's words can be long (who may import, why a file stays here): they wrap, so the table fits its box.
    // Without a team there are none: the column would only push Undo out of a laptop-sized window.
    ...(entries.some((e) => e.team) ? [{ header: 'Team', className: 'wrap-words team-words', cell: (e: ImportEntry) => <TeamCell entry={e} /> }] : []),
    {
      header: null,
      cell: (e) => {
        const forTeam = e.team?.state === 'shared';
        return (
          e.undoable &&
          (!forTeam || teamUndo.offered) && (
            <button onClick={() => setConfirmUndo(e)} disabled={busy}>
              {forTeam ? 'Undo for the team' : 'Undo'}
            </button>
          )
        );
      },
    },
  ];
  // The newest import is the team's and this session may not undo it: said once, under the table.
  const notOffered = teamUndo.offered ? null : entries.find((e) => e.undoable && e.team?.state === 'shared');
  return (
    <>
      {entries.length === 0 ? (
        <p className="muted">No imports yet.</p>
      ) : (
        <HistoryTable
          className="history import-history"
          rows={entries}
          columns={columns}
          rowKey={(e) => e.id}
          rowProps={(e) => ({ 'data-status': e.status })}
          label="Import history"
        />
      )}
      {warningsOf && (
        <section className="import-warnings" aria-label={`What the import of ${warningsOf.fileName} warned of`} data-testid="import-warnings">
          <h3>
            {sentenceCase(messagesCount(warningsOf) ?? '')} of {warningsOf.fileName}, imported {showDateTime(warningsOf.startedAt)} UTC
            <button className="link" onClick={() => setShownWarnings(null)}>
              Close
            </button>
          </h3>
          <ul className="messages">
            {importMessages(warningsOf).map((m, i) => (
              <li key={i} className={m.level}>
                {m.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {notOffered && !teamUndo.offered && (
        <p className="muted" data-testid="team-undo-why">
          {notOffered.fileName} is a team import: {teamUndo.why}.
        </p>
      )}
      {confirmUndo && (
        <ModalDialog label="Confirm undo" onCancel={() => setConfirmUndo(null)} initialFocus="[data-cancel]">
          <p>
            Undo the import of <strong>{confirmUndo.fileName}</strong>? {undoneText(confirmUndo.created, confirmUndo.updated)} The import stays in the history,
            marked undone.
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
          <button onClick={() => setConfirmUndo(null)} data-cancel>
            Cancel
          </button>
        </ModalDialog>
      )}
    </>
  );
}

/**
 * What the import's card warned of, as its record keeps it: the errors, the payments that named an
 * order they did not fit, and the file's warnings (card numbers cut, dates read, erased customers…).
 */
function importMessages(e: ImportEntry): { level: 'error' | 'warn'; text: string }[] {
  const misfits = e.misfitPayments ? misfitHistoryLine(e.misfitPayments.counts, formatCount) : null;
  return [
    ...e.errors.map((text) => ({ level: 'error' as const, text: maskedForDisplay(text) })),
    ...(misfits ? [{ level: 'warn' as const, text: `${misfits}.` }] : []),
    ...e.warnings.map((text) => ({ level: 'warn' as const, text: maskedForDisplay(text) })),
  ];
}

/** "1 error, 2 warnings": what the import's messages are, null when it has none. */
function messagesCount(e: ImportEntry): string | null {
  const all = importMessages(e);
  const errors = all.filter((m) => m.level === 'error').length;
  const warnings = all.length - errors;
  const parts = [errors > 0 && countOf(errors, 'error'), warnings > 0 && countOf(warnings, 'warning')].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
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
      // The reason reads on after a colon elsewhere; here it starts the cell.
      return <span data-team="duplicate">{team.problem ? sentenceCase(team.problem) : 'The team already had this file'}</span>;
  }
}
