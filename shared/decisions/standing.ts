// Which decision on an order still stands: its latest hold, release or cancel that no undo reversed.
// Notes change nothing; undoing a decision brings back the one before it. Pure, for queue and reports.
import { isOrderDecision, type DecisionEntry, type OrderDecision } from './chain';

/** An order's decision as a word beside it: "held", "released", "cancelled". */
export const DECIDED: Readonly<Record<OrderDecision, string>> = { hold: 'held', release: 'released', cancel: 'cancelled' };

/** What the rule reads of an entry (the decisions CSV and the log both give it). */
export type StandingFacts = Pick<DecisionEntry, 'seq' | 'orderKey' | 'decision' | 'undoes'>;

/** Seqs of the entries an undo reversed, wherever the undo sits in the log. */
export function undoneSeqs(entries: readonly StandingFacts[]): Set<number> {
  const undone = new Set<number>();
  for (const e of entries) if (e.decision === 'undo' && e.undoes !== null) undone.add(e.undoes);
  return undone;
}

/**
 * Per order key, its holds, releases and cancels that no undo reversed, in log order (oldest
 * first): the first is when it was reviewed, the last is the one that stands. A ring decision is
 * one entry per order decided, so an order excepted from it keeps what stood before.
 */
export function decisionsInForce<E extends StandingFacts>(entries: readonly E[]): Map<string, (E & { decision: OrderDecision })[]> {
  const undone = undoneSeqs(entries);
  const byOrder = new Map<string, (E & { decision: OrderDecision })[]>();
  for (const e of entries) {
    if (undone.has(e.seq) || !isOrderDecision(e.decision)) continue;
    const list = byOrder.get(e.orderKey);
    if (list) list.push(e as E & { decision: OrderDecision });
    else byOrder.set(e.orderKey, [e as E & { decision: OrderDecision }]);
  }
  return byOrder;
}

/** Per order key, the decision that stands; orders never decided (or all undone) are absent. */
export function decisionThatStands<E extends StandingFacts>(entries: readonly E[]): Map<string, E & { decision: OrderDecision }> {
  const undone = undoneSeqs(entries);
  const out = new Map<string, E & { decision: OrderDecision }>();
  for (const e of entries) if (isOrderDecision(e.decision) && !undone.has(e.seq)) out.set(e.orderKey, e as E & { decision: OrderDecision });
  return out;
}
