// Every import ever run on this cache, newest first, with Undo for the newest one.
import { formatCount, formatDateTime } from '../../../../shared/domain/money';
import type { ImportEntry } from '../../core/contract';

export function ImportHistoryTable({ entries, onUndo, onProblems, busy }: { entries: ImportEntry[]; onUndo(e: ImportEntry): void; onProblems(e: ImportEntry): void; busy: boolean }) {
  if (entries.length === 0) return <p className="muted">No imports yet.</p>;
  return (
    <table className="history" aria-label="Import history">
      <thead>
        <tr>
          <th>Started (UTC)</th>
          <th>File</th>
          <th>Format</th>
          <th>Status</th>
          <th className="right">Rows</th>
          <th className="right">Created</th>
          <th className="right">Updated</th>
          <th className="right">Unchanged</th>
          <th className="right">Quarantined</th>
          <th>Content hash</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-status={e.status}>
            <td>{formatDateTime(e.startedAt)}</td>
            <td>{e.fileName}</td>
            <td>{e.formatLabel ?? '—'}</td>
            <td>
              <span className={`status status-${e.status}`}>{e.status}</span>
            </td>
            <td className="right">{formatCount(e.rows)}</td>
            <td className="right">{formatCount(e.created)}</td>
            <td className="right">{formatCount(e.updated)}</td>
            <td className="right">{formatCount(e.unchanged)}</td>
            <td className="right">
              {e.quarantined > 0 ? (
                <button className="link" onClick={() => onProblems(e)}>
                  {formatCount(e.quarantined)}
                </button>
              ) : (
                0
              )}
            </td>
            <td className="mono">{e.fileHash.slice(0, 12)}</td>
            <td>
              {e.undoable && (
                <button onClick={() => onUndo(e)} disabled={busy}>
                  Undo
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
