// The matrix against known outcomes: confusion matrix, precision, recall and the share flagged at
// the review and hold thresholds, every figure worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { evaluateAt, evaluateMatrix } from '../../../shared/scoring/evaluate';

// Ten orders with a known outcome; four were fraud (F), six legitimate (L).
//   scores: F 80, F 65, F 35, F 10, L 70, L 40, L 30, L 20, L 0, L 0
const SCORED = [
  { score: 80, fraud: true },
  { score: 65, fraud: true },
  { score: 35, fraud: true },
  { score: 10, fraud: true },
  { score: 70, fraud: false },
  { score: 40, fraud: false },
  { score: 30, fraud: false },
  { score: 20, fraud: false },
  { score: 0, fraud: false },
  { score: 0, fraud: false },
];

describe('evaluating a matrix against known outcomes', () => {
  it('at the review threshold (30): flagged are the scores ≥ 30, the threshold itself included', () => {
    // Flagged: F80 F65 F35 L70 L40 L30 = 6 → TP 3, FP 3; not flagged: F10 (FN 1), L20 L0 L0 (TN 3).
    expect(evaluateAt(SCORED, 30)).toEqual({
      threshold: 30,
      orders: 10,
      fraud: 4,
      flagged: 6,
      truePositive: 3,
      falsePositive: 3,
      falseNegative: 1,
      trueNegative: 3,
      precision: 0.5, // 3 / 6
      recall: 0.75, // 3 / 4
      flaggedRate: 0.6, // 6 / 10: the review rate
    });
  });

  it('at the hold threshold (60), beside the review one', () => {
    // Flagged: F80 F65 L70 = 3 → TP 2, FP 1, FN 2 (F35 F10), TN 5.
    const { review, hold } = evaluateMatrix(SCORED, { review: 30, hold: 60 });
    expect(review.truePositive).toBe(3);
    expect(hold).toMatchObject({
      threshold: 60,
      flagged: 3,
      truePositive: 2,
      falsePositive: 1,
      falseNegative: 2,
      trueNegative: 5,
      recall: 0.5,
      flaggedRate: 0.3,
    });
    expect(hold.precision).toBeCloseTo(2 / 3, 12);
  });

  it('says "not defined" (null) where a share has nothing to divide by', () => {
    // Nothing flagged: no precision. No fraud known: no recall. No orders: no rate.
    expect(evaluateAt(SCORED, 90)).toMatchObject({ flagged: 0, precision: null, recall: 0, flaggedRate: 0 });
    expect(evaluateAt([{ score: 50, fraud: false }], 30)).toMatchObject({ precision: 0, recall: null, flaggedRate: 1 });
    expect(evaluateAt([], 30)).toMatchObject({ orders: 0, precision: null, recall: null, flaggedRate: null });
  });
});
