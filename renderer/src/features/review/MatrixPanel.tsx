// The scoring matrix, editable: points and conditions per rule, thresholds; "What if" shows how the
// draft would have sorted every cached order against known fraud before it is saved as a version.
import { useEffect, useState } from 'react';
import { formatCount, formatDateTime } from '../../../../shared/domain/money';
import { SIGNALS, type Confusion, type Matrix } from '../../../../shared/scoring/matrix';
import { cache } from '../../core/client';
import type { WhatIf, MatrixRecord } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';

export function MatrixPanel({ onSaved }: { onSaved(): void }) {
  const [draft, setDraft] = useState<Matrix | null>(null);
  const [history, setHistory] = useState<MatrixRecord[]>([]);
  const [result, setResult] = useState<WhatIf | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const [m, h] = await Promise.all([cache.scoringMatrix(), cache.matrixHistory()]);
    setDraft(m);
    setHistory(h);
  };
  useEffect(() => {
    void load();
  }, []);
  if (!draft) return null;

  const run = async (job: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await job();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const setThreshold = (which: 'review' | 'hold', value: number) => {
    setResult(null);
    setDraft({ ...draft, thresholds: { ...draft.thresholds, [which]: value } });
  };
  const setRule = (id: string, field: 'points' | 'atLeast', value: number) => {
    setResult(null);
    setDraft({ ...draft, rules: draft.rules.map((r) => (r.id === id ? { ...r, [field]: value } : r)) });
  };

  return (
    <details className="panel wide matrix" data-testid="matrix-panel">
      <summary>
        Scoring matrix v{draft.version} · review from {draft.thresholds.review}, hold from {draft.thresholds.hold}
      </summary>
      <table className="history" aria-label="Scoring rules">
        <thead>
          <tr>
            <th>Signal</th>
            <th className="right">At least</th>
            <th className="right">Points</th>
          </tr>
        </thead>
        <tbody>
          {draft.rules.map((r) => (
            <tr key={r.id}>
              <td>{SIGNALS[r.signal].label}</td>
              <td className="right">
                <input type="number" aria-label={`${r.id} at least`} value={r.atLeast} step="any" onChange={(e) => setRule(r.id, 'atLeast', Number(e.target.value))} style={{ width: 80 }} />
              </td>
              <td className="right">
                <input type="number" aria-label={`${r.id} points`} value={r.points} onChange={(e) => setRule(r.id, 'points', Number(e.target.value))} style={{ width: 70 }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <label className="inline">
          Review from
          <input type="number" aria-label="Review threshold" value={draft.thresholds.review} onChange={(e) => setThreshold('review', Number(e.target.value))} style={{ width: 70 }} />
        </label>
        <label className="inline">
          Hold from
          <input type="number" aria-label="Hold threshold" value={draft.thresholds.hold} onChange={(e) => setThreshold('hold', Number(e.target.value))} style={{ width: 70 }} />
        </label>
        <button disabled={busy} onClick={() => void run(async () => setResult(await cache.matrixWhatIf(draft)))}>
          What if…
        </button>
      </div>
      <ErrorAlert message={error} />
      {result && (
        <>
          <table className="history" aria-label="What if">
            <thead>
              <tr>
                <th>Over {formatCount(result.orders)} cached orders ({formatCount(result.knownFraud)} known fraud)</th>
                <th className="right">Hold</th>
                <th className="right">Review</th>
                <th className="right">Release</th>
                <th className="right">Fraud flagged</th>
                <th className="right">Fraud missed</th>
                <th className="right">Flagged, not fraud</th>
              </tr>
            </thead>
            <tbody>
              <Row label={`Current (v${result.current.version})`} c={result.current} />
              <Row label="Draft" c={result.draft} />
            </tbody>
          </table>
          <div className="toolbar">
            <input aria-label="Why this change" placeholder="Why this change (kept with the version)" value={note} onChange={(e) => setNote(e.target.value)} size={50} />
            <button
              className="primary"
              disabled={busy || !note.trim()}
              onClick={() =>
                void run(async () => {
                  await cache.saveMatrix(draft, note);
                  setNote('');
                  setResult(null);
                  await load();
                  onSaved();
                })
              }
            >
              Save as a new version
            </button>
          </div>
        </>
      )}
      {history.length > 0 && (
        <ul className="muted" data-testid="matrix-history">
          {history.map((h) => (
            <li key={h.version}>
              v{h.version} · {formatDateTime(h.savedAt)} · {h.analyst}: {h.note}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function Row({ label, c }: { label: string; c: Confusion }) {
  return (
    <tr>
      <td>{label}</td>
      <td className="right">{formatCount(c.hold)}</td>
      <td className="right">{formatCount(c.review)}</td>
      <td className="right">{formatCount(c.release)}</td>
      <td className="right">{formatCount(c.truePositive)}</td>
      <td className="right">{formatCount(c.falseNegative)}</td>
      <td className="right">{formatCount(c.falsePositive)}</td>
    </tr>
  );
}
