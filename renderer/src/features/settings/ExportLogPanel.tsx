// The export log for compliance: every CSV, PDF, PNG, backup and checkpoint the app wrote, with
// who, when, what, how many rows and the decision log's head it was made from. Append-only.
import { useEffect, useState } from 'react';
import { formatCount, formatDateTime } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import type { ExportLogRecord } from '../../core/contract';
import { useUi } from '../../state/uiStore';
import { ErrorAlert } from '../../app/Alerts';

export function ExportLogPanel() {
  const version = useUi((s) => s.cacheVersion);
  const [rows, setRows] = useState<ExportLogRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    cache.exportLog().then(
      (r) => live && setRows(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return (
    <section className="panel wide" aria-labelledby="exports-title">
      <h2 id="exports-title">Export log</h2>
      <p className="muted">Every file written from the app, newest first. Kept when the cache is cleared; it cannot be edited.</p>
      <ErrorAlert message={error} />
      {rows && rows.length === 0 && <p className="muted">Nothing exported yet.</p>}
      {rows && rows.length > 0 && (
        <table className="history" aria-label="Exports">
          <thead>
            <tr>
              <th>Time (UTC)</th>
              <th>Analyst</th>
              <th>Kind</th>
              <th>File</th>
              <th>What</th>
              <th className="right">Rows</th>
              <th>Decision log</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.analyst}</td>
                <td>{r.kind}</td>
                <td>{r.fileName}</td>
                <td>{r.what}</td>
                <td className="right">{r.rows === null ? '' : formatCount(r.rows)}</td>
                <td className="mono">
                  entry {r.logHead.seq}, {r.logHead.hash.slice(0, 12)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
