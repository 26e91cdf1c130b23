// The analysts' linking overrides, newest first, with who, when, why and whether each
// still applies; Undo appends a revocation rather than deleting anything.
import { showDateTime } from '../../../../shared/domain/money';
import { describeLinkValue } from '../../../../shared/normalize';
import type { OverrideEntry } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';

export function OverridesPanel({ overrides, onUndo }: { overrides: OverrideEntry[]; onUndo(id: number): void }) {
  const columns: Column<OverrideEntry>[] = [
    { header: 'When (UTC)', cell: (o) => showDateTime(o.createdAt) },
    { header: 'Who', cell: (o) => o.analyst },
    { header: 'Action', cell: (o) => o.action },
    { header: 'Key', cell: (o) => o.type },
    { header: 'Value', cell: (o) => <span title={o.value}>{describeLinkValue(o.type, o.value)}</span> },
    { header: 'Why', cell: (o) => o.reason },
    { header: 'Status', cell: (o) => (o.active ? 'active' : `undone ${showDateTime(o.revokedAt!)} UTC`) },
    {
      header: null,
      cell: (o) =>
        o.active && (
          <button className="link" onClick={() => onUndo(o.id)}>
            Undo
          </button>
        ),
    },
  ];
  return (
    <section className="panel wide" aria-labelledby="overrides-title">
      <h2 id="overrides-title">Linking overrides</h2>
      {overrides.length === 0 ? (
        <p className="muted">None. Use “never link…” on a ring's value, or “allow linking…” on a hub.</p>
      ) : (
        <HistoryTable rows={overrides} columns={columns} rowKey={(o) => o.id} rowProps={(o) => ({ 'data-active': o.active })} label="Linking overrides" />
      )}
    </section>
  );
}
