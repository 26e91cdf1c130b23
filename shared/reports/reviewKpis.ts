// Review KPIs for a period from the decision log, or the team's decisions: orders reviewed, held,
// released, cancelled (each order once, by the decision that stands for the team); decision
// turnaround (median and p90) against the target and the share decided within it; the manual
// review rate; and the false-positive rate (of the orders held or cancelled, those legitimate: released
// in the end, or cancelled though known legitimate). Pure.
import { teamDecisionsThatStand, type TeamDecisionFacts } from '../team/standing';

export interface ReviewKpis {
  /** Orders with a first hold / release / cancel in the period. */
  reviewed: number;
  /** Of them, by the decision that stands now: an order held and then released counts as released. */
  held: number;
  released: number;
  cancelled: number;
  /** Hours from the order to its first decision. */
  turnaroundMedianH: number | null;
  turnaroundP90H: number | null;
  withinTarget: number | null;
  /**
   * Orders first decided before the time the cache now holds for them (a later import moved the
   * order's date, or a clock was wrong): a negative turnaround says nothing of the review, so they
   * are left out of the turnaround and the within-target share, and counted here. Absent in
   * snapshots saved before it was counted.
   */
  decidedBeforePlaced?: number;
  /**
   * Of the orders placed in the period, the share with a decision (hold, release or cancel) in force,
   * whenever it was made: one set of orders on both sides, so never above 100 % (orders placed at a
   * month's end and decided after it counted in the next month over that month's orders, 200 %).
   */
  manualReviewRate: number | null;
  /**
   * Of the orders flagged (held at some point, or cancelled), the share that were legitimate: finally
   * released and not confirmed fraud since, or finally cancelled though their known outcome (a
   * labelled import) is legitimate. A good customer's order cancelled outright is the costliest false
   * positive there is; snapshots saved before `everFlagged` counted held orders only.
   */
  falsePositiveRate: number | null;
  /**
   * Of the orders reviewed, those held at some point (which `held` above does not give: that one
   * counts the holds that stand). Absent in snapshots saved before it was shown.
   */
  everHeld?: number;
  /**
   * The false-positive rate's denominator: the orders reviewed that were held at some point or
   * cancelled. Absent in snapshots saved before cancelled orders counted (their rate is over `everHeld`).
   */
  everFlagged?: number;
  /** The false-positive rate's numerator. Absent in snapshots saved before it was shown. */
  falsePositives?: number;
}

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * `placedAt`: order time per order key. `ordersPlaced`: orders placed in the period (for the
 * review rate). Undone decisions do not count. Period: first decision time in [from, to).
 * `confirmedFraud`: order keys fraud was confirmed on since (a fraud chargeback, a ring confirmed
 * as fraud, a known outcome): a held order released and then confirmed fraud was held rightly, so
 * it is no false positive (a false positive is a legitimate order flagged as fraud). `knownLegit`:
 * order keys whose known outcome is legitimate: held and then cancelled, they were a false positive
 * all the same (a good customer turned away).
 */
export function reviewKpis(
  entries: readonly TeamDecisionFacts[],
  placedAt: ReadonlyMap<string, number>,
  ordersPlaced: number,
  from: number,
  to: number,
  targetHours: number,
  confirmedFraud: ReadonlySet<string> = new Set(),
  knownLegit: ReadonlySet<string> = new Set(),
): ReviewKpis {
  let reviewed = 0;
  let placedDecided = 0;
  let everHeld = 0;
  let everFlagged = 0;
  let falsePositives = 0;
  const final = { hold: 0, release: 0, cancel: 0 };
  const hours: number[] = [];
  let decidedBeforePlaced = 0;
  for (const [key, { inForce: list, stands: last }] of teamDecisionsThatStand(entries)) {
    const placed = placedAt.get(key);
    if (placed !== undefined && placed >= from && placed < to) placedDecided++;
    const first = list[0]!;
    if (first.at < from || first.at >= to) continue;
    reviewed++;
    final[last.decision]++;
    if (list.some((e) => e.decision === 'hold')) everHeld++;
    if (isFlagged(list)) {
      everFlagged++;
      if (isFalsePositive(last.decision, key, confirmedFraud, knownLegit)) falsePositives++;
    }
    if (placed === undefined) continue;
    if (first.at < placed) decidedBeforePlaced++;
    else hours.push((first.at - placed) / 3_600_000);
  }
  hours.sort((a, b) => a - b);
  return {
    reviewed,
    held: final.hold,
    released: final.release,
    cancelled: final.cancel,
    turnaroundMedianH: quantile(hours, 0.5),
    turnaroundP90H: quantile(hours, 0.9),
    withinTarget: hours.length ? hours.filter((h) => h <= targetHours).length / hours.length : null,
    decidedBeforePlaced,
    manualReviewRate: ordersPlaced ? placedDecided / ordersPlaced : null,
    falsePositiveRate: everFlagged ? falsePositives / everFlagged : null,
    everHeld,
    everFlagged,
    falsePositives,
  };
}

/** Flagged as fraud by a decision in force: held at some point, or cancelled (outright or after a hold). */
export const isFlagged = (inForce: readonly { decision: string }[]): boolean => inForce.some((e) => e.decision === 'hold' || e.decision === 'cancel');

/** A flagged order's standing decision was a false positive: released and not confirmed fraud since, or cancelled though known legitimate. */
export function isFalsePositive(decision: string, key: string, confirmedFraud: ReadonlySet<string>, knownLegit: ReadonlySet<string>): boolean {
  return decision === 'release' ? !confirmedFraud.has(key) : decision === 'cancel' && knownLegit.has(key);
}
