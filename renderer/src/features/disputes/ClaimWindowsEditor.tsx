// The response windows of refund claims as data the analyst edits: per kind, how long, from which day
// it applies, where it is stated and the day that was read. A marketplace that changes its rule gets a
// new row from its date, so claims opened before keep the window they had.
import {
  CLAIM_KINDS,
  CLAIM_KIND_LABEL,
  describeWindow,
  UNIT_LABEL,
  WINDOW_UNITS,
  type ClaimKind,
  type ClaimWindow,
  type WindowUnit,
} from '../../../../shared/disputes/claims';
import { SaveStatus } from '../../app/Alerts';
import { cache } from '../../core/client';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { NumberField } from '../../ui/NumberField';
import { usePendingFields } from '../../ui/usePendingFields';
import type { Async } from '../../ui/useAsync';
import { useRowsEditor } from '../../ui/useRowsEditor';

export function ClaimWindowsEditor({ windows, onSaved }: { windows: Async<ClaimWindow[]>; onSaved(): Promise<void> }) {
  const { rows, saved, change, edit, save } = useRowsEditor(windows, (r) => cache.saveClaimWindows(r), onSaved);
  const fields = usePendingFields();
  const error = windows.error;
  if (!rows) return <p className="muted">{error ?? 'Reading the claim windows…'}</p>;
  const n = (i: number) => `of window ${i + 1}`;
  const columns: Column<ClaimWindow>[] = [
    {
      header: 'Kind',
      cell: (w, i) => (
        <select aria-label={`Kind ${n(i)}`} style={{ minWidth: 220 }} value={w.kind} onChange={(e) => edit(i, { kind: e.target.value as ClaimKind })}>
          {CLAIM_KINDS.map((k) => (
            <option key={k} value={k}>
              {CLAIM_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      ),
    },
    {
      header: 'Window',
      cell: (w, i) => (
        <>
          <NumberField
            label={`Length ${n(i)}`}
            value={w.amount}
            integer
            min={1}
            max={3650}
            onChange={(v) => v !== null && edit(i, { amount: v })}
            onPending={fields.track(`length ${i}`)}
            style={{ width: 64 }}
          />{' '}
          <select aria-label={`Unit ${n(i)}`} value={w.unit} onChange={(e) => edit(i, { unit: e.target.value as WindowUnit })}>
            {WINDOW_UNITS.map((u) => (
              <option key={u} value={u}>
                {UNIT_LABEL[u][1]}
              </option>
            ))}
          </select>
        </>
      ),
    },
    {
      header: 'From (YYYY-MM-DD)',
      cell: (w, i) => <input aria-label={`First day ${n(i)}`} value={w.effectiveFrom} onChange={(e) => edit(i, { effectiveFrom: e.target.value })} size={10} />,
    },
    {
      header: 'Source (address)',
      cell: (w, i) => <input aria-label={`Source ${n(i)}`} value={w.source} onChange={(e) => edit(i, { source: e.target.value })} size={36} />,
    },
    {
      header: 'Read on',
      cell: (w, i) => <input aria-label={`Read on ${n(i)}`} value={w.readOn} onChange={(e) => edit(i, { readOn: e.target.value })} size={10} />,
    },
    {
      header: 'Note',
      cell: (w, i) => <input aria-label={`Note ${n(i)}`} value={w.note} title={w.note} onChange={(e) => edit(i, { note: e.target.value })} size={24} />,
    },
    {
      header: null,
      headerLabel: 'Actions',
      cell: (_, i) => (
        <button className="link" onClick={() => change(rows.filter((_, j) => j !== i))}>
          Remove
        </button>
      ),
    },
  ];
  const first = (k: ClaimKind) => rows.filter((w) => w.kind === k).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return (
    <details className="panel wide" data-testid="claim-windows">
      <summary>
        Claim response windows:{' '}
        {CLAIM_KINDS.filter(first)
          .map((k) => `${CLAIM_KIND_LABEL[k].replace(' claim', '')} ${describeWindow(first(k)!)}`)
          .join(' · ')}
      </summary>
      <p className="muted small">
        A claim takes the window in force on the day its clock started. When a marketplace changes its rule, add a row from that day and keep the old one. A
        deadline the marketplace’s notice names counts instead of the window.
      </p>
      <HistoryTable rows={rows} columns={columns} rowKey={(_, i) => i} className="history edit-table" label="Claim response windows" />
      <div className="actions" style={{ marginTop: 8 }}>
        <button
          onClick={() =>
            change([...rows, { kind: 'marketplace-return', amount: 3, unit: 'business-days', effectiveFrom: '', source: '', readOn: '', note: '' }])
          }
        >
          Add window
        </button>
        <button className="primary" disabled={fields.anyPending} onClick={() => void save()}>
          Save windows
        </button>
        {fields.anyPending && <span className="muted">A length above is not taken: correct it first (the field says why).</span>}
        <SaveStatus saved={saved} error={error} />
      </div>
    </details>
  );
}
