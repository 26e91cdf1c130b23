// Which decision stands on an order the team decided on several laptops: each laptop's own undos
// first, then a lead's resolution over the decisions it names, else the later decision, flagged as
// a conflict. One rule for Review's conflict list, the order panel and the team's reports. Pure.
import { isOrderDecision, type DecisionEntry, type DecisionRef, type OrderDecision } from '../decisions/chain';
import { decisionsInForce } from '../decisions/standing';

/**
 * What the rule reads of a decision: a log entry of this laptop (no device id: all one laptop, as
 * the CLI and a laptop outside a team have it) or a teammate's, with the decisions a resolution settles.
 */
export type TeamDecisionFacts = Pick<DecisionEntry, 'seq' | 'orderKey' | 'decision' | 'undoes' | 'analyst' | 'at'> & {
  deviceId?: string;
  settles?: readonly DecisionRef[] | null;
};

export type InForce<D> = D & { decision: OrderDecision };

export interface TeamStanding<D extends TeamDecisionFacts> {
  orderKey: string;
  /** Every hold, release and cancel no undo on its own laptop reversed, all laptops, oldest first (the first is when it was reviewed). */
  inForce: InForce<D>[];
  /** Each laptop's latest decision in force, oldest first. */
  perDevice: InForce<D>[];
  /** Of those, the ones no resolution settled: they decide the order, and they disagree in a conflict. */
  open: InForce<D>[];
  /** The open decisions differ: no resolution covers them (never resolved, or re-decided since). */
  conflict: boolean;
  /** The latest resolution still open: it stands unless the order was decided differently since (then `conflict`). */
  resolution: InForce<D> | null;
  /** What `resolution` settles, as found among the decisions given, oldest first. */
  settled: D[];
  /** The team's decision: the resolution, else the later open decision. */
  stands: InForce<D>;
}

const deviceOf = (d: TeamDecisionFacts) => d.deviceId ?? '';
const refKey = (deviceId: string, seq: number) => `${seq}@${deviceId}`;
/** Laptops' clocks order decisions; equal times fall back to the laptop and the seq, so every laptop orders alike. */
export const byTime = (a: TeamDecisionFacts, b: TeamDecisionFacts): number =>
  a.at - b.at || (deviceOf(a) < deviceOf(b) ? -1 : deviceOf(a) > deviceOf(b) ? 1 : 0) || a.seq - b.seq;

/** Per order key, the team's decisions on it and the one that stands; orders never decided (or all undone) are absent. */
export function teamDecisionsThatStand<D extends TeamDecisionFacts>(decisions: readonly D[]): Map<string, TeamStanding<D>> {
  const byDevice = new Map<string, D[]>();
  for (const d of decisions) {
    const list = byDevice.get(deviceOf(d));
    if (list) list.push(d);
    else byDevice.set(deviceOf(d), [d]);
  }
  const inForceByOrder = new Map<string, InForce<D>[]>();
  for (const list of byDevice.values()) {
    // Undos name a seq of their own laptop's log, so each laptop's undos apply to its decisions only.
    for (const [orderKey, inForce] of decisionsInForce([...list].sort((a, b) => a.seq - b.seq))) {
      const all = inForceByOrder.get(orderKey);
      if (all) all.push(...inForce);
      else inForceByOrder.set(orderKey, [...inForce]);
    }
  }
  const out = new Map<string, TeamStanding<D>>();
  for (const [orderKey, inForce] of inForceByOrder) {
    inForce.sort(byTime);
    const latest = new Map<string, InForce<D>>();
    for (const d of inForce) {
      const had = latest.get(deviceOf(d));
      if (!had || had.seq < d.seq) latest.set(deviceOf(d), d);
    }
    const perDevice = [...latest.values()].sort(byTime);
    const settledBy = new Set<string>();
    for (const r of perDevice) {
      // A resolution settles others, never itself.
      for (const ref of r.settles ?? []) if (!(ref.deviceId === deviceOf(r) && ref.seq === r.seq)) settledBy.add(refKey(ref.deviceId, ref.seq));
    }
    let open = perDevice.filter((d) => !settledBy.has(refKey(deviceOf(d), d.seq)));
    // Resolutions naming each other cannot come from laptops that each saw the other first; all then stay open.
    if (open.length === 0) open = perDevice;
    const conflict = new Set(open.map((d) => d.decision)).size > 1;
    const resolution = open.filter((d) => d.settles?.length).at(-1) ?? null;
    const names = new Set((resolution?.settles ?? []).map((r) => refKey(r.deviceId, r.seq)));
    const settled = resolution
      ? decisions
          .filter((d) => d.orderKey === orderKey && d !== resolution && isOrderDecision(d.decision) && names.has(refKey(deviceOf(d), d.seq)))
          .sort(byTime)
      : [];
    const stands = !conflict && resolution ? resolution : open.at(-1)!;
    out.set(orderKey, { orderKey, inForce, perDevice, open, conflict, resolution, settled, stands });
  }
  return out;
}

export interface DecisionConflict<D extends TeamDecisionFacts = TeamDecisionFacts> {
  orderKey: string;
  /** Each laptop's open decision, oldest first; the later one counts until a lead resolves it. */
  decisions: InForce<D>[];
  /** A resolution the order was decided differently after (the conflict re-opened), or null. */
  reopens: InForce<D> | null;
}

/** Orders on which the open decisions of two or more laptops differ (hold on one, release on another), by order key. */
export function decisionConflicts<D extends TeamDecisionFacts>(decisions: readonly D[]): DecisionConflict<D>[] {
  const out: DecisionConflict<D>[] = [];
  for (const s of teamDecisionsThatStand(decisions).values()) if (s.conflict) out.push({ orderKey: s.orderKey, decisions: s.open, reopens: s.resolution });
  return out.sort((a, b) => a.orderKey.localeCompare(b.orderKey));
}

/** Orders a lead's resolution settles now, by order key: what it settled and what stands. */
export function resolvedConflicts<D extends TeamDecisionFacts>(decisions: readonly D[]): TeamStanding<D>[] {
  return [...teamDecisionsThatStand(decisions).values()].filter((s) => !s.conflict && s.resolution).sort((a, b) => a.orderKey.localeCompare(b.orderKey));
}

/** The decisions a lead resolving the order now settles: each laptop's latest in force. */
export function refsToSettle(standing: Pick<TeamStanding<TeamDecisionFacts>, 'perDevice'>): DecisionRef[] {
  return standing.perDevice.map((d) => ({ deviceId: deviceOf(d), seq: d.seq }));
}
