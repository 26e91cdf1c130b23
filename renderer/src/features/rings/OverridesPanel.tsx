// The analysts' linking overrides, newest first, with who, when, why and whether each
// still applies; Undo appends a revocation rather than deleting anything.
import { formatDateTime } from '../../../../shared/domain/money';
import type { OverrideEntry } from '../../core/contract';

export function OverridesPanel({ overrides, onUndo }: { overrides: OverrideEntry[]; onUndo(id: number): void }) {
  return (
    <section className="panel wide" aria-labelledby="overrides-title">
      <h2 id="overrides-title">Linking overrides</h2>
      {overrides.length === 0 ? (
        <p className="muted">None. Use “never link…” on a ring's value, or “allow linking…” on a hub.</p>
      ) : (
        <table className="history" aria-label="Linking overrides">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>Action</th>
              <th>Key</th>
              <th>Value</th>
              <th>Why</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {overrides.map((o) => (
              <tr key={o.id} data-active={o.active}>
                <td>{formatDateTime(o.createdAt)}</td>
                <td>{o.analyst}</td>
                <td>{o.action}</td>
                <td>{o.type}</td>
                <td>{o.value}</td>
                <td>{o.reason}</td>
                <td>{o.active ? 'active' : `undone ${formatDateTime(o.revokedAt!)}`}</td>
                <td>
                  {o.active && (
                    <button
                      className="link"
                      onClick={() => onUndo(o.id)}
                    >
                      Undo
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
