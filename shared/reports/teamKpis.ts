// The team's side of the KPI report: per analyst (orders decided, turnaround, false positives,
// conflicts), and the orders two laptops decided differently that no lead has resolved, each
// counted by the later decision. Plain decisions in (this laptop's log and the teammates'), figures out. Pure.
import type { OrderDecision } from '../decisions/chain';
import { teamDecisionsThatStand, type TeamDecisionFacts } from '../team/standing';
import { isFalsePositive, isFlagged, quantile } from './reviewKpis';

export interface AnalystKpis {
  analyst: string;
  /** Orders of the period with a decision of theirs in force (a lead's resolutions included). */
  decided: number;
  /** Their latest decision in force on each of those orders. */
  held: number;
  released: number;
  cancelled: number;
  /** Hours from the order to their first decision on it. */
  turnaroundMedianH: number | null;
  withinTarget: number | null;
  /**
   * Orders they flagged (held or cancelled) that were legitimate: the team finally released them (and
   * fraud was not confirmed since), or cancelled them though known legitimate; and that over the orders they flagged.
   */
  falsePositives: number;
  falsePositiveRate: number | null;
  /** Orders they held at some point (`held` counts their holds that stand). Absent in older snapshots. */
  everHeld?: number;
  /** Orders they held at some point or cancelled: the false-positive rate's denominator. Absent in older snapshots (whose rate is over `everHeld`). */
  everFlagged?: number;
  /** Orders where their decision is one of an unresolved conflict. */
  inConflict: number;
  /** Conflicts their resolution settles. */
  resolved: number;
}

export interface UnresolvedConflict {
  orderKey: string;
  /** Each laptop's open decision, oldest first. */
  decisions: { analyst: string; decision: OrderDecision; at: number }[];
  /** What the report counts it as: the later decision. */
  countedAs: OrderDecision;
  /** A lead had resolved it, and a laptop decided it differently since. */
  reopened: boolean;
}

export interface TeamKpis {
  analysts: AnalystKpis[];
  /** Orders of the period decided differently and not resolved, by order key. */
  unresolved: UnresolvedConflict[];
  /** Orders of the period whose conflict a lead's resolution settles. */
  resolved: number;
}

interface Tally {
  orders: number;
  final: Record<OrderDecision, number>;
  hours: number[];
  held: number;
  flagged: number;
  falsePositives: number;
  inConflict: number;
  resolved: number;
}

/**
 * Orders count in the period of the team's first decision on them (as in reviewKpis), each once
 * for every analyst who decided it; `placedAt` gives order times (orders not in the cache have no turnaround).
 */
export function teamKpis(
  decisions: readonly TeamDecisionFacts[],
  placedAt: ReadonlyMap<string, number>,
  from: number,
  to: number,
  targetHours: number,
  /** Order keys confirmed fraud since: released, they are no false positive (as reviewKpis). */
  confirmedFraud: ReadonlySet<string> = new Set(),
  /** Order keys known legitimate: cancelled, they are a false positive (as reviewKpis). */
  knownLegit: ReadonlySet<string> = new Set(),
): TeamKpis {
  const tallies = new Map<string, Tally>();
  const unresolved: UnresolvedConflict[] = [];
  let resolved = 0;
  for (const [key, s] of teamDecisionsThatStand(decisions)) {
    const first = s.inForce[0]!;
    if (first.at < from || first.at >= to) continue;
    if (s.conflict)
      unresolved.push({
        orderKey: key,
        decisions: s.open.map((d) => ({ analyst: d.analyst, decision: d.decision, at: d.at })),
        countedAs: s.stands.decision,
        reopened: s.resolution !== null,
      });
    else if (s.resolution) resolved++;
    const placed = placedAt.get(key);
    const byAnalyst = new Map<string, typeof s.inForce>();
    for (const d of s.inForce) byAnalyst.set(d.analyst, [...(byAnalyst.get(d.analyst) ?? []), d]);
    for (const [analyst, mine] of byAnalyst) {
      const t = tallies.get(analyst) ?? {
        orders: 0,
        final: { hold: 0, release: 0, cancel: 0 },
        hours: [],
        held: 0,
        flagged: 0,
        falsePositives: 0,
        inConflict: 0,
        resolved: 0,
      };
      tallies.set(analyst, t);
      t.orders++;
      t.final[mine.at(-1)!.decision]++;
      // Decided before the order's recorded time (its date moved by a later import): no turnaround (as reviewKpis).
      if (placed !== undefined && mine[0]!.at >= placed) t.hours.push((mine[0]!.at - placed) / 3_600_000);
      if (mine.some((d) => d.decision === 'hold')) t.held++;
      if (isFlagged(mine)) {
        t.flagged++;
        if (isFalsePositive(s.stands.decision, key, confirmedFraud, knownLegit)) t.falsePositives++;
      }
      if (s.conflict && s.open.some((d) => d.analyst === analyst)) t.inConflict++;
      if (!s.conflict && s.resolution?.analyst === analyst) t.resolved++;
    }
  }
  const analysts = [...tallies]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([analyst, t]): AnalystKpis => {
      const hours = [...t.hours].sort((a, b) => a - b);
      return {
        analyst,
        decided: t.orders,
        held: t.final.hold,
        released: t.final.release,
        cancelled: t.final.cancel,
        turnaroundMedianH: quantile(hours, 0.5),
        withinTarget: hours.length ? hours.filter((h) => h <= targetHours).length / hours.length : null,
        falsePositives: t.falsePositives,
        falsePositiveRate: t.flagged ? t.falsePositives / t.flagged : null,
        everHeld: t.held,
        everFlagged: t.flagged,
        inConflict: t.inConflict,
        resolved: t.resolved,
      };
    });
  return { analysts, unresolved: unresolved.sort((a, b) => a.orderKey.localeCompare(b.orderKey)), resolved };
}
