// Rings for the Rings screen: links every current order in the cache worker with the shared
// linking core, keeps the result for drill-down, and answers with plain summaries.
import type { Order } from '../../../shared/domain/order';
import { buildRings, fastestGrowing, largest, riskiest, ringEvidence, type Hub, type LinkOptions, type RingLink, type RingsReport } from '../../../shared/linking';
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

export const RING_LISTS = ['riskiest', 'largest', 'growing', 'new'] as const;
export type RingList = (typeof RING_LISTS)[number];

export interface RingsOverview {
  rings: RingSummary[];
  /** Ring ids per ready-made list: riskiest, largest, fastest-growing (last 7 days), new with the latest import. */
  lists: Record<RingList, string[]>;
  /** The import the `new` list refers to, if any. */
  latestImport: { id: number; fileName: string } | null;
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
    const { orders, importIds } = await this.store.allOrders();
    const [disputes, overrides, marks, imports] = await Promise.all([
      this.db.disputes.toArray(),
      this.decisions.activeOverrides(),
      this.decisions.currentMarks(),
      this.db.imports.where('status').anyOf('completed', 'interrupted', 'cancelled', 'failed').toArray(),
    ]);
    // Built from this call's own snapshot and stored together, so an overlapping call cannot mix them.
    const report = buildRings(orders, disputes, { ...options, overrides });
    this.orders = orders;
    this.report = report;
    const rings = report.rings;
    const latest = imports.sort((a, b) => b.id! - a.id!)[0];
    let now = 0;
    for (const o of orders) if (o.createdAt > now) now = o.createdAt;
    const ids = (list: { id: string }[]) => list.map((r) => r.id);
    return {
      rings: rings.map((r, i) => ({ id: r.id, rank: i + 1, metrics: r.metrics, keys: r.keys, mark: marks.get(r.id) ?? null })),
      lists: {
        riskiest: ids(riskiest(rings)),
        largest: ids(largest(rings)),
        // "Now" is the newest order in the cache, so an older dataset still shows its own last week.
        growing: ids(fastestGrowing(rings, now)),
        new: latest ? ids(riskiest(rings.filter((r) => r.orders.some((i) => importIds[i] === latest.id)))) : [],
      },
      latestImport: latest ? { id: latest.id!, fileName: latest.fileName } : null,
      hubs: report.hubs,
      orders: orders.length,
      computedMs: Math.round(performance.now() - t0),
    };
  }

  /** The ring an order belongs to in the last computed rings, or null. */
  ringOf(orderKey: string): string | null {
    return this.report?.rings.find((r) => r.orderKeys.includes(orderKey))?.id ?? null;
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
