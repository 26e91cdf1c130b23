// The scoring matrix, editable: points and conditions per rule, thresholds; "What if" shows how the
// draft would have sorted every cached order against known fraud, and its precision and recall
// against known outcomes, before it is saved as a version.
import { useState } from 'react';
import { formatCount, showDateTime } from '../../../../shared/domain/money';
import { rulesNewInDefault, SIGNALS, type Confusion, type Matrix } from '../../../../shared/scoring/matrix';
import { cache } from '../../core/client';
import type { WhatIf } from '../../core/contract';
import { ErrorAlert } from '../../app/Alerts';
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { NumberField } from '../../ui/NumberField';
import { usePendingFields } from '../../ui/usePendingFields';
import { useAsync } from '../../ui/useAsync';
import { OutcomeEvaluation } from './OutcomeEvaluation';

type Rule = Matrix['rules'][number];

/** The matrix in force as an editable draft, its versions, and the what-if of the draft. */
function useMatrix(onSaved: () => void) {
  const m = useAsync(async () => {
    const [matrix, history] = await Promise.all([cache.scoringMatrix(), cache.matrixHistory()]);
    return { draft: matrix, history };
  }, []);
  const [result, setResult] = useState<WhatIf | null>(null);
  const { setValue, run, reload } = m;
  // Any edit makes the last what-if stale.
  const edit = (change: (draft: Matrix) => Matrix) => {
    setResult(null);
    setValue((v) => v && { ...v, draft: change(v.draft) });
  };
  return {
    draft: m.value?.draft ?? null,
    history: m.value?.history ?? [],
    result,
    busy: m.busy,
    error: m.error,
    setThreshold: (which: 'review' | 'hold', value: number) => edit((d) => ({ ...d, thresholds: { ...d.thresholds, [which]: value } })),
    setRule: (id: string, field: 'points' | 'atLeast', value: number) =>
      edit((d) => ({ ...d, rules: d.rules.map((r) => (r.id === id ? { ...r, [field]: value } : r)) })),
    /** Adds the built-in matrix's rules the draft lacks, as the built-in matrix has them. */
    addNewRules: () => edit((d) => ({ ...d, rules: [...d.rules, ...rulesNewInDefault(d)] })),
    whatIf: (draft: Matrix) => run(async () => setResult(await cache.matrixWhatIf(draft))),
    /** Saves the draft as a new version; true once saved. */
    save: async (draft: Matrix, note: string) =>
      (await run(async () => {
        await cache.saveMatrix(draft, note);
        setResult(null);
        await reload();
        onSaved();
        return true;
      })) === true,
  };
}

export function MatrixPanel({ onSaved }: { onSaved(): void }) {
  const mx = useMatrix(onSaved);
  const [note, setNote] = useState('');
  const { draft, result, busy } = mx;
  const fields = usePendingFields();
  if (!draft) return null;
  const fresh = rulesNewInDefault(draft);
  const rules: Column<Rule>[] = [
    { header: 'Signal', cell: (r) => SIGNALS[r.signal].label },
    {
      header: 'At least',
      right: true,
      cell: (r) => (
        <NumberField
          label={`${r.id} at least`}
          value={r.atLeast}
          onChange={(v) => v !== null && mx.setRule(r.id, 'atLeast', v)}
          onPending={fields.track(`${r.id} at least`)}
          style={{ width: 80 }}
        />
      ),
    },
    {
      header: 'Points',
      right: true,
      cell: (r) => (
        <NumberField
          label={`${r.id} points`}
          value={r.points}
          min={-100}
          max={100}
          onChange={(v) => v !== null && mx.setRule(r.id, 'points', v)}
          onPending={fields.track(`${r.id} points`)}
          style={{ width: 70 }}
        />
      ),
    },
  ];
  return (
    <details className="panel wide matrix" data-testid="matrix-panel">
      <summary>
        Scoring matrix v{draft.version} · review from {draft.thresholds.review}, hold from {draft.thresholds.hold}
      </summary>
      <HistoryTable rows={draft.rules} columns={rules} rowKey={(r) => r.id} label="Scoring rules" />
      {fresh.length > 0 && (
        <p className="warning" data-testid="matrix-new-rules">
          Rules added to the app since this version was saved, which it does not score with:{' '}
          {fresh.map((r) => `${SIGNALS[r.signal].label} from ${r.atLeast} (+${r.points})`).join('; ')}.{' '}
          <button className="link" onClick={mx.addNewRules}>
            Add {fresh.length === 1 ? 'it' : 'them'} to the draft
          </button>{' '}
          (then What if… and save, as for any change).
        </p>
      )}
      <div className="toolbar">
        <label className="inline">
          Review from
          <NumberField
            label="Review threshold"
            value={draft.thresholds.review}
            min={0}
            max={100}
            onChange={(v) => v !== null && mx.setThreshold('review', v)}
            onPending={fields.track('review')}
            style={{ width: 70 }}
          />
        </label>
        <label className="inline">
          Hold from
          <NumberField
            label="Hold threshold"
            value={draft.thresholds.hold}
            min={0}
            max={100}
            onChange={(v) => v !== null && mx.setThreshold('hold', v)}
            onPending={fields.track('hold')}
            style={{ width: 70 }}
          />
        </label>
        <button disabled={busy || fields.anyPending} onClick={() => void mx.whatIf(draft)}>
          What if…
        </button>
        {fields.anyPending && <span className="muted">A number above is not taken: correct it first (the field says why).</span>}
      </div>
      <ErrorAlert message={mx.error} />
      {result && (
        <>
          <WhatIfTable result={result} />
          <OutcomeEvaluation result={result} />
          <div className="toolbar">
            <input
              aria-label="Why this change"
              placeholder="Why this change (kept with the version)"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              size={50}
            />
            <button
              className="primary"
              disabled={busy || !note.trim() || fields.anyPending}
              onClick={async () => {
                if (await mx.save(draft, note)) setNote('');
              }}
            >
              Save as a new version
            </button>
          </div>
        </>
      )}
      {mx.history.length > 0 && (
        <ul className="muted" data-testid="matrix-history">
          {mx.history.map((h) => (
            <li key={h.version}>
              v{h.version} · {showDateTime(h.savedAt)} UTC · {h.analyst}: {h.note}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** The current matrix and the draft, over every cached order against known fraud. */
function WhatIfTable({ result }: { result: WhatIf }) {
  const rows: { label: string; c: Confusion }[] = [
    { label: `Current (v${result.current.version})`, c: result.current },
    { label: 'Draft', c: result.draft },
  ];
  const columns: Column<{ label: string; c: Confusion }>[] = [
    { header: `Over ${formatCount(result.orders)} cached orders (${formatCount(result.knownFraud)} known fraud)`, cell: (r) => r.label },
    { header: 'Hold', right: true, cell: (r) => formatCount(r.c.hold) },
    { header: 'Review', right: true, cell: (r) => formatCount(r.c.review) },
    { header: 'Release', right: true, cell: (r) => formatCount(r.c.release) },
    { header: 'Fraud flagged', right: true, cell: (r) => formatCount(r.c.truePositive) },
    { header: 'Fraud missed', right: true, cell: (r) => formatCount(r.c.falseNegative) },
    { header: 'Flagged, not fraud', right: true, cell: (r) => formatCount(r.c.falsePositive) },
  ];
  return <HistoryTable rows={rows} columns={columns} rowKey={(r) => r.label} label="What if" />;
}
