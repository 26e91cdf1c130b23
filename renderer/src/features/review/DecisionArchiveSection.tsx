// The decision log's archive: the entries restores set aside (kept, no longer in force), each
// under its own number and the restore that set it aside, and their CSV for compliance.
import { orderKeyLabel } from '../../../../shared/domain/order';
import { archivingRestoreText, type ArchivedEntry, type ArchivingRestore } from '../../../../shared/decisions/archive';
import { writeArchiveCsv } from '../../../../shared/decisions/archiveCsv';
import { otherRowsText } from '../../../../shared/backup/restoreText';
import { formatCount, showDateTime } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import { exportFile, spreadsheetCsv } from '../../app/exportFile';
import { ErrorAlert } from '../../app/Alerts';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { useAsync } from '../../ui/useAsync';
import { MoreRows, useShownRows } from '../../ui/MoreRows';

/** Archived entries drawn at first, and added per "Show more". */
const PAGE = 200;

function exportArchive(archived: readonly ArchivedEntry[]): Promise<boolean> {
  return exportFile({
    kind: 'csv',
    suggestedName: `decision-log-archive-${new Date().toISOString().slice(0, 10)}.csv`,
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: spreadsheetCsv(writeArchiveCsv(archived)),
    rows: archived.length,
    what: `decision log archive: ${archived.length.toLocaleString('en-US')} ${archived.length === 1 ? 'entry' : 'entries'} restores set aside`,
  });
}

function restoreCell(r: ArchivingRestore) {
  const text = archivingRestoreText(r);
  if (!r.entry) return text;
  return `${text}, ${showDateTime(r.entry.at)} UTC, ${r.entry.analyst}`;
}

function standingText(a: ArchivedEntry): string {
  if (a.backInForce !== null) return `back in force as entry ${formatCount(a.backInForce)} (a later restore brought it back)`;
  // The erasure register survives restores and applies an erasure again: its entry is archived, its effect is not.
  if (a.entry.decision === 'erasure' || a.entry.decision === 'retention') return 'set aside; what it erased stays erased';
  return 'set aside, not in force';
}

const ARCHIVE_COLUMNS: Column<ArchivedEntry>[] = [
  { header: 'Its own #', right: true, cell: (a) => a.entry.seq },
  { header: 'Time (UTC)', cell: (a) => showDateTime(a.entry.at) },
  { header: 'Order', cell: (a) => orderKeyLabel(a.entry.orderKey) },
  { header: 'Decision', cell: (a) => a.entry.decision },
  { header: 'Reason', cell: (a) => a.entry.reasonCode },
  { header: 'Note', className: 'wrap-words', cell: (a) => (a.entry.noteErased ? <em className="muted">erased on request</em> : a.entry.note) },
  { header: 'Analyst', cell: (a) => a.entry.analyst },
  { header: 'Set aside by', className: 'wrap', cell: (a) => restoreCell(a.setAsideBy) },
  { header: 'Now', className: 'wrap', cell: (a) => standingText(a) },
];

/** `logKey` changes whenever the live log does (its head's number and hash): the archive is read again. */
export function DecisionArchiveSection({ logKey }: { logKey: string }) {
  const { value, error, run } = useAsync(() => cache.decisionArchive(), [logKey], { keepStale: true });
  const { shown, more } = useShownRows(PAGE);
  if (!value) return <ErrorAlert message={error} />;
  const { entries, otherRows } = value;
  const others = Object.keys(otherRows).length ? otherRowsText(otherRows) : null;
  return (
    <section aria-label="Archive" data-testid="log-archive">
      <header className="wizard-head">
        <h3>Archive: entries restores set aside ({formatCount(entries.length)})</h3>
        <span className="toolbar">
          <button disabled={entries.length === 0} onClick={() => void run(async () => void (await exportArchive(entries)))}>
            Export archive (CSV)
          </button>
        </span>
      </header>
      <ErrorAlert message={error} />
      {entries.length === 0 ? (
        <p className="muted">No entry of the decision log has been set aside by a restore.</p>
      ) : (
        <>
          <p className="muted" data-testid="archive-numbers">
            Restoring an older backup sets the entries made after it aside: they are kept here, no longer in force. Each keeps its own number from the log it
            was written in; the live log above may have given the same number to another entry since, the restore's own entry first.
          </p>
          <HistoryTable
            rows={entries.slice(0, shown)}
            columns={ARCHIVE_COLUMNS}
            rowKey={(a) => `${a.setAsideBy.seq}:${a.entry.hash}`}
            label="Archived entries"
          />
          <MoreRows
            shown={shown}
            total={entries.length}
            page={PAGE}
            nouns="entries"
            which="the newest"
            after="the CSV holds them all"
            onMore={more}
            testId="archive-more"
          />
        </>
      )}
      {others && <p className="muted">Restores also set aside rows of other logs that clashed with their backups: {others}.</p>}
    </section>
  );
}
