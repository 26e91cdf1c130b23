// The what-if against known outcomes: for the current matrix and the draft, at the review and the
// hold threshold, the confusion matrix over orders an imported file labels fraud or legitimate,
// with precision, recall and the share flagged. Says so plainly when no order has a known outcome.
import { formatCount, formatPercent } from '../../../../shared/domain/money';
import type { Evaluation } from '../../../../shared/scoring/evaluate';
import type { WhatIf } from '../../core/contract';
import { HistoryTable, type Column } from '../../ui/HistoryTable';

const share = (v: number | null): string => formatPercent(v, 1);

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
    { label: `Current v${result.current.version}, review ≥ ${o.current.review.threshold}`, e: o.current.review },
    { label: `Current v${result.current.version}, hold ≥ ${o.current.hold.threshold}`, e: o.current.hold },
    { label: `Draft, review ≥ ${o.draft.review.threshold}`, e: o.draft.review },
    { label: `Draft, hold ≥ ${o.draft.hold.threshold}`, e: o.draft.hold },
  ];
  const columns: Column<Row>[] = [
    { header: 'Matrix, flagged from', cell: (r) => r.label },
    { header: 'Flagged', right: true, cell: (r) => formatCount(r.e.flagged) },
    { header: 'TP', right: true, cell: (r) => formatCount(r.e.truePositive) },
    { header: 'FP', right: true, cell: (r) => formatCount(r.e.falsePositive) },
    { header: 'FN', right: true, cell: (r) => formatCount(r.e.falseNegative) },
    { header: 'TN', right: true, cell: (r) => formatCount(r.e.trueNegative) },
    { header: 'Precision', right: true, cell: (r) => share(r.e.precision) },
    { header: 'Recall', right: true, cell: (r) => share(r.e.recall) },
    { header: 'Share flagged', right: true, cell: (r) => share(r.e.flaggedRate) },
  ];
  return (
    <div data-testid="outcome-evaluation">
      <p data-testid="outcome-evaluation-over">
        Against {formatCount(o.orders)} orders with a known outcome ({formatCount(o.fraud)} fraud):
      </p>
      <HistoryTable rows={rows} columns={columns} rowKey={(r) => r.label} label="Against known outcomes" />
      <p className="muted small">
        Flagged: a score at or above the threshold. TP: fraud flagged, FP: legitimate flagged, FN: fraud missed, TN: legitimate passed. Precision: of the
        flagged, the share that was fraud; recall: of the fraud, the share flagged. At the review threshold the share flagged is the review rate.
      </p>
    </div>
  );
}
