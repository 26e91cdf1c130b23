// The what-if against known outcomes: for the current matrix and the draft, at the review and the
// hold threshold, the confusion matrix over orders an imported file labels fraud or legitimate,
// with precision, recall and the share flagged. Says so plainly when no order has a known outcome.
import { formatCount } from '../../../../shared/domain/money';
import type { Evaluation } from '../../../../shared/scoring/evaluate';
import type { WhatIf } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';

const share = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

interface Row {
  label: string;
  e: Evaluation;
}

export function OutcomeEvaluation({ result }: { result: WhatIf }) {
  const o = result.outcomes;
  if (!o)
    return (
      <p className="muted" data-testid="outcome-evaluation">
        No order has a known outcome, so precision and recall cannot be measured. Import a labelled export (a column such as is_fraud, Class or a chargeback
        flag, mapped to “Known outcome” in the wizard) to see how the matrix would have sorted it.
      </p>
    );
  const rows: Row[] = [
    { label: `Current (v${result.current.version}), review from ${o.current.review.threshold}`, e: o.current.review },
    { label: `Current (v${result.current.version}), hold from ${o.current.hold.threshold}`, e: o.current.hold },
    { label: `Draft, review from ${o.draft.review.threshold}`, e: o.draft.review },
    { label: `Draft, hold from ${o.draft.hold.threshold}`, e: o.draft.hold },
  ];
  const columns: Column<Row>[] = [
    { header: `Against ${formatCount(o.orders)} orders with a known outcome (${formatCount(o.fraud)} fraud)`, cell: (r) => r.label },
    { header: 'Flagged', right: true, cell: (r) => formatCount(r.e.flagged) },
    { header: 'Fraud flagged (TP)', right: true, cell: (r) => formatCount(r.e.truePositive) },
    { header: 'Legit flagged (FP)', right: true, cell: (r) => formatCount(r.e.falsePositive) },
    { header: 'Fraud missed (FN)', right: true, cell: (r) => formatCount(r.e.falseNegative) },
    { header: 'Legit passed (TN)', right: true, cell: (r) => formatCount(r.e.trueNegative) },
    { header: 'Precision', right: true, cell: (r) => share(r.e.precision) },
    { header: 'Recall', right: true, cell: (r) => share(r.e.recall) },
    { header: 'Share flagged', right: true, cell: (r) => share(r.e.flaggedRate) },
  ];
  return (
    <div data-testid="outcome-evaluation">
      <HistoryTable rows={rows} columns={columns} rowKey={(r) => r.label} label="Against known outcomes" />
      <p className="muted small">
        Flagged: a score at or above the threshold. At the review threshold the share flagged is the review rate. Precision: of the flagged, the share that was
        fraud; recall: of the fraud, the share flagged.
      </p>
    </div>
  );
}
