// The export log for compliance: every CSV, PDF, PNG, backup and checkpoint the app wrote, with
// who, when, what, how many rows and the decision log's head it was made from. Append-only.
import { formatCount, showDateTime } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import type { ExportLogRecord } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { ErrorAlert } from '../../app/Alerts';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { useAsync } from '../../ui/useAsync';

const COLUMNS: Column<ExportLogRecord>[] = [
  { header: 'Time (UTC)', cell: (r) => showDateTime(r.at) },
  { header: 'Analyst', cell: (r) => r.analyst },
  { header: 'Kind', cell: (r) => r.kind },
  { header: 'File', cell: (r) => r.fileName },
  { header: 'What', cell: (r) => r.what },
  { header: 'Rows', right: true, cell: (r) => (r.rows === null ? '' : formatCount(r.rows)) },
  { header: 'Decision log', className: 'mono', cell: (r) => `entry ${r.logHead.seq}, ${r.logHead.hash.slice(0, 12)}…` },
];

export function ExportLogPanel() {
  const version = useUi((s) => s.cacheVersion);
  // A backup is written from this very screen: the log must show it without a reload.
  const exports = useUi((s) => s.exportsVersion);
  const log = useAsync(() => cache.exportLog(), [version, exports], { keepStale: true });
  const rows = log.value;
  return (
    <section className="panel wide" aria-labelledby="exports-title">
      <h2 id="exports-title">Export log</h2>
      <p className="muted">Every file written from the app, newest first. Kept when the cache is cleared; it cannot be edited.</p>
      <ErrorAlert message={log.error} />
      {rows && rows.length === 0 && <p className="muted">Nothing exported yet.</p>}
      {rows && rows.length > 0 && <HistoryTable rows={rows} columns={COLUMNS} rowKey={(r) => r.id!} label="Exports" />}
    </section>
  );
}
