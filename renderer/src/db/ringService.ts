// Rings for the Rings screen: links every current order in the cache worker with the shared
// linking core, keeps the result for drill-down, and answers with plain summaries.
import type { Order } from '../../../shared/domain/order';
import { buildRings, ringEvidence, type Hub, type LinkOptions, type RingLink, type RingsReport } from '../../../shared/linking';
import type { RingMetrics } from '../../../shared/linking/metrics';
import { linkKeysOf, type KeyType } from '../../../shared/normalize';
import type { OrderStore } from './orderStore';
import { RingDecisions } from './ringDecisions';
import type { RingMarkRecord, WorkbenchDb } from './schema';

export interface RingSummary {
  id: string;
  rank: number;
  metrics: RingMetrics;
  keys: Partial<Record<KeyType, string[]>>;
  /** The analysts' current verdict, if any. */
  mark: RingMarkRecord | null;
}

export interface RingsOverview {
  rings: RingSummary[];
  hubs: Hub[];
  orders: number;
  computedMs: number;
}

export interface RingGraph {
  nodes: { id: string; kind: 'order' | KeyType; label: string; hub: boolean }[];
  edges: { id: string; source: string; target: string; type: KeyType }[];
}

export interface RingDetail extends RingSummary {
  marks: RingMarkRecord[];
  orders: Order[];
  evidence: RingLink[];
  graph: RingGraph;
}

export class RingService {
  private report: RingsReport | null = null;
  private orders: Order[] = [];
  readonly decisions: RingDecisions;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly store: OrderStore,
  ) {
    this.decisions = new RingDecisions(db);
  }

  /** Links every current order; the analysts' active overrides always apply. */
  async compute(options: Omit<LinkOptions, 'overrides'> = {}): Promise<RingsOverview> {
    const t0 = performance.now();
    this.orders = await this.store.allOrders();
    const [disputes, overrides, marks] = await Promise.all([this.db.disputes.toArray(), this.decisions.activeOverrides(), this.decisions.currentMarks()]);
    this.report = buildRings(this.orders, disputes, { ...options, overrides });
    return {
      rings: this.report.rings.map((r, i) => ({ id: r.id, rank: i + 1, metrics: r.metrics, keys: r.keys, mark: marks.get(r.id) ?? null })),
      hubs: this.report.hubs,
      orders: this.orders.length,
      computedMs: Math.round(performance.now() - t0),
    };
  }

  async detail(id: string): Promise<RingDetail> {
    const report = this.report;
    const index = report?.rings.findIndex((r) => r.id === id) ?? -1;
    if (!report || index < 0) throw new Error(`Ring ${id} is not in the last computed rings; recompute and open it again`);
    const ring = report.rings[index]!;
    const orders = ring.orders.map((i) => this.orders[i]!);
    const hubValues = new Set(report.hubs.map((h) => `${h.type}:${h.value}`));
    const shared = new Map<string, KeyType>();
    for (const [type, values] of Object.entries(ring.keys) as [KeyType, string[]][]) for (const v of values) shared.set(`${type}:${v}`, type);
    const graph: RingGraph = { nodes: [], edges: [] };
    for (const [key, type] of shared) graph.nodes.push({ id: `k:${key}`, kind: type, label: key.slice(type.length + 1), hub: hubValues.has(key) });
    ring.orders.forEach((pos) => {
      const o = this.orders[pos]!;
      graph.nodes.push({ id: `o:${pos}`, kind: 'order', label: o.externalId, hub: false });
      for (const k of linkKeysOf(o)) {
        const key = `${k.type}:${k.value}`;
        if (shared.has(key)) graph.edges.push({ id: `e:${pos}:${key}`, source: `o:${pos}`, target: `k:${key}`, type: k.type });
      }
    });
    const marks = await this.decisions.marksOf(ring.id);
    return {
      id: ring.id,
      rank: index + 1,
      metrics: ring.metrics,
      keys: ring.keys,
      mark: marks[0] ?? null,
      marks,
      orders,
      evidence: ringEvidence(ring, report.index, this.orders),
      graph,
    };
  }
}
