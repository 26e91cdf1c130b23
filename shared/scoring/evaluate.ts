// How well a scoring matrix separates what history knows: over orders with a known outcome, the
// confusion matrix at a score threshold, precision, recall and the share it flags. Pure.

/** One order with a known outcome, as a matrix scored it. */
export interface LabelledScore {
  score: number;
  fraud: boolean;
}

export interface Evaluation {
  /** Flagged: a score at or above this. */
  threshold: number;
  /** Orders with a known outcome, and of them the known frauds. */
  orders: number;
  fraud: number;
  flagged: number;
  /** Flagged fraud, flagged legitimate, fraud let through, legitimate let through. */
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
  /** Of the flagged, the share that was fraud; null when nothing is flagged. */
  precision: number | null;
  /** Of the fraud, the share flagged; null when no fraud is known. */
  recall: number | null;
  /** Of the orders, the share flagged (at the review threshold: the review rate); null without orders. */
  flaggedRate: number | null;
}

export function evaluateAt(scored: readonly LabelledScore[], threshold: number): Evaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of scored) {
    const flagged = s.score >= threshold;
    if (flagged && s.fraud) tp++;
    else if (flagged) fp++;
    else if (s.fraud) fn++;
    else tn++;
  }
  const flagged = tp + fp;
  const fraud = tp + fn;
  const orders = scored.length;
  return {
    threshold,
    orders,
    fraud,
    flagged,
    truePositive: tp,
    falsePositive: fp,
    falseNegative: fn,
    trueNegative: tn,
    precision: flagged ? tp / flagged : null,
    recall: fraud ? tp / fraud : null,
    flaggedRate: orders ? flagged / orders : null,
  };
}

/** At the matrix's two thresholds: review (sent to review or hold) and hold. */
export interface MatrixEvaluation {
  review: Evaluation;
  hold: Evaluation;
}

export function evaluateMatrix(scored: readonly LabelledScore[], thresholds: { review: number; hold: number }): MatrixEvaluation {
  return { review: evaluateAt(scored, thresholds.review), hold: evaluateAt(scored, thresholds.hold) };
}
