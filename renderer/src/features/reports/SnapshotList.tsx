// The saved report snapshots, newest first, each with its hash and an Open that reopens it as saved.
import { showDateTime } from '../../../../shared/domain/money';
import type { ReportSnapshotRecord } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';

type Listed = Omit<ReportSnapshotRecord, 'figures'>;

export function SnapshotList({ snapshots, onOpen }: { snapshots: Listed[] | null; onOpen(id: number): void }) {
  const columns: Column<Listed>[] = [
    { header: '#', cell: (s) => s.id },
    { header: 'Report', cell: (s) => s.title },
    { header: 'Saved (UTC)', cell: (s) => showDateTime(s.createdAt) },
    { header: 'By', cell: (s) => s.analyst },
    { header: 'Hash', className: 'mono', title: (s) => s.hash, cell: (s) => `${s.hash.slice(0, 16)}…` },
    {
      header: null,
      headerLabel: 'Actions',
      cell: (s) => (
        <button className="link" onClick={() => onOpen(s.id!)}>
          Open
        </button>
      ),
    },
  ];
  return (
    <section>
      {snapshots === null ? (
        <p className="muted">Loading…</p>
      ) : snapshots.length === 0 ? (
        <p className="empty-note">
          No saved reports yet. Save one from the Fraud trend or KPIs tab; it keeps its figures, parameters and a hash of the data behind them.
        </p>
      ) : (
        <HistoryTable rows={snapshots} columns={columns} rowKey={(s) => s.id!} testId="snapshots" />
      )}
    </section>
  );
}
