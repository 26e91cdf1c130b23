// Rings for the Rings screen: links every current order in the cache worker with the shared
// linking core, keeps the result for drill-down, and answers with plain summaries. The key index
// (every order's normalised link keys, interned) is kept between runs and grows with each import:
// only new blocks are normalised; an undo or wipe (blocks removed) rebuilds it.
import { systemClock, type Clock } from '../../../../shared/time/clock';
import type { Order } from '../../../../shared/domain/order';
import { type RingList } from '../../../../shared/linking/lists';
import {
  buildRings,
  fastestGrowing,
  hubRuleProblem,
  hubRulesFor,
  KeyIndexBuilder,
  type Burst,
  type HubRule,
  type HubRules,
  type KeyIndex,
  largest,
  riskiest,
  ringEvidence,
  type Hub,
  type LinkOptions,
  type RingLink,
  type RingsReport,
} from '../../../../shared/linking';
import { MetaRepository } from '../storage/metaRepository';
import type { RingMetrics } from '../../../../shared/linking/metrics';
import { linkKeysOf, type KeyType } from '../../../../shared/normalize';
import type { OrderSnapshot, OrderStore } from '../storage/orderStore';
import { RingDecisions } from './ringDecisions';
import type { RingMarkRecord, WorkbenchDb } from '../storage/schema';

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
  /** Ring ids per ready-made list: riskiest, largest, fastest-growing (last 7 days), new with the latest import. */
  lists: Record<RingList, string[]>;
  /** The import the `new` list refers to, if any. */
  latestImport: { id: number; fileName: string } | null;
  hubs: Hub[];
  /** Values shared by as many identities as a hub but within days: linked, with the evidence. */
  bursts: Burst[];
  orders: number;
  computedMs: number;
  /** Of computedMs: normalising and interning orders new since the last run (0 when none). */
  indexMs: number;
  /** Orders normalised for this run: all of them the first time, then only those new since. */
  indexedOrders: number;
}

/** The key index over a snapshot's rows (current and superseded; superseded ones never link). */
interface Linkable {
  snapshot: OrderSnapshot;
  blockIds: readonly number[];
  builder: KeyIndexBuilder;
  orders: Order[];
  index: KeyIndex;
}

export interface RingGraph {
  /** `outside`: added by expanding a neighbour, not part of the ring's own links. */
  nodes: { id: string; kind: 'order' | KeyType; label: string; hub: boolean; outside?: boolean }[];
  edges: { id: string; source: string; target: string; type: KeyType; outside?: boolean }[];
}

/** What expanding one node adds to a ring's graph; `more` counts neighbours left out by the cap. */
export interface GraphExpansion extends RingGraph {
  more: number;
}

const EXPAND_CAP = 30;

export interface RingDetail extends RingSummary {
  marks: RingMarkRecord[];
  orders: Order[];
  /** Graph node id of each of `orders` (same order). */
  orderNodes: string[];
  evidence: RingLink[];
  graph: RingGraph;
}

export class RingService {
  private report: RingsReport | null = null;
  private orders: Order[] = [];
  private linkable: Linkable | null = null;
  private linking: Promise<unknown> = Promise.resolve();
  readonly decisions: RingDecisions;
  private readonly meta: MetaRepository;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly store: OrderStore,
    clock: Clock = systemClock,
  ) {
    this.decisions = new RingDecisions(db, clock);
    this.meta = new MetaRepository(db);
  }

  /** The analyst's hub rules per key type (defaults where none were saved). */
  async hubRules(): Promise<Record<KeyType, HubRule>> {
    return hubRulesFor(await this.meta.get('hubRules'));
  }

  /** Saves hub rules after checking them; they are data, like the programme thresholds. */
  async saveHubRules(rules: HubRules): Promise<Record<KeyType, HubRule>> {
    const full = hubRulesFor(rules);
    for (const [type, r] of Object.entries(full)) {
      const problem = hubRuleProblem(r);
      if (problem) throw new Error(`Hub rule for ${type}: ${problem}`);
    }
    await this.meta.set('hubRules', full);
    return full;
  }

  /** Forgets the key index: personal fields of stored blocks changed (an erasure), so it is built again. */
  invalidate(): void {
    this.linkable = null;
  }

  /** Links every current order; the analysts' active overrides always apply. */
  async compute(options: Omit<LinkOptions, 'overrides'> = {}): Promise<RingsOverview> {
    const t0 = performance.now();
    const snapshot = this.store.currentSnapshot();
    const [{ linkable, added }, disputes, overrides, marks, imports, hubRules] = await Promise.all([
      this.linkableFor(snapshot),
      this.db.disputes.toArray(),
      this.decisions.activeOverrides(),
      this.decisions.currentMarks(),
      this.db.imports.where('status').anyOf('completed', 'interrupted', 'cancelled', 'failed').toArray(),
      this.hubRules(),
    ]);
    const indexMs = performance.now() - t0;
    const { orders, index } = linkable;
    // Built from this call's own snapshot and stored together, so an overlapping call cannot mix them.
    const report = buildRings(orders, disputes, { hubRules, ...options, overrides }, index);
    this.orders = orders;
    this.report = report;
    const rings = report.rings;
    const latest = imports.sort((a, b) => b.id! - a.id!)[0];
    const live = snapshot.live;
    let now = 0;
    for (let i = 0; i < orders.length; i++) if (live[i] && orders[i]!.createdAt > now) now = orders[i]!.createdAt;
    const ids = (list: { id: string }[]) => list.map((r) => r.id);
    return {
      rings: rings.map((r, i) => ({ id: r.id, rank: i + 1, metrics: r.metrics, keys: r.keys, mark: marks.get(r.id) ?? null })),
      lists: {
        riskiest: ids(riskiest(rings)),
        largest: ids(largest(rings)),
        // "Now" is the newest order in the cache, so an older dataset still shows its own last week.
        growing: ids(fastestGrowing(rings, now)),
        new: latest ? ids(riskiest(rings.filter((r) => r.orders.some((i) => snapshot.importIdOf(i) === latest.id)))) : [],
      },
      latestImport: latest ? { id: latest.id!, fileName: latest.fileName } : null,
      hubs: report.hubs,
      bursts: report.bursts,
      orders: snapshot.liveCount,
      computedMs: Math.round(performance.now() - t0),
      indexMs: Math.round(indexMs),
      indexedOrders: added,
    };
  }

  /**
   * The key index for `snapshot`: the kept one when nothing changed, extended by the new blocks
   * when the snapshot only added blocks (an import), rebuilt when blocks went away (undo, wipe).
   * Runs one at a time, so two overlapping calls never add the same blocks twice.
   */
  private linkableFor(snapshot: OrderSnapshot): Promise<{ linkable: Linkable; added: number }> {
    const run = this.linking.then(async () => {
      const kept = this.linkable;
      if (kept?.snapshot === snapshot) return { linkable: kept, added: 0 };
      const extends_ = kept !== null && kept.blockIds.length <= snapshot.blockIds.length && kept.blockIds.every((id, i) => snapshot.blockIds[i] === id);
      const builder = extends_ ? kept.builder : new KeyIndexBuilder();
      const orders = extends_ ? kept.orders : [];
      const fresh = await snapshot.rowsFromBlock(extends_ ? kept.blockIds.length : 0);
      builder.add(fresh);
      for (const o of fresh) orders.push(o);
      const linkable: Linkable = { snapshot, blockIds: snapshot.blockIds, builder, orders, index: builder.index(snapshot.live) };
      this.linkable = linkable;
      return { linkable, added: fresh.length };
    });
    this.linking = run.catch(() => undefined);
    return run;
  }

  /**
   * Every current order of the cache and its key index, built or extended as for a rings run:
   * the disputes screen finds orders and card histories here.
   */
  async current(): Promise<{ orders: readonly Order[]; index: KeyIndex; live: Uint8Array }> {
    const snapshot = this.store.currentSnapshot();
    const { linkable } = await this.linkableFor(snapshot);
    return { orders: linkable.orders, index: linkable.index, live: snapshot.live };
  }

  /** Computes rings with the default options unless a run already did. */
  async ensureComputed(): Promise<void> {
    if (!this.report || this.linkable?.snapshot !== this.store.currentSnapshot()) await this.compute();
  }

  /** The rings of the last run. */
  lastRings(): readonly RingsReport['rings'][number][] {
    return this.report?.rings ?? [];
  }

  /** The key index of the last run (null before the first): the bench exports its edge list. */
  keyIndex(): KeyIndex | null {
    return this.linkable?.index ?? null;
  }

  /**
   * Neighbours of a graph node beyond the ring's own links: for an order, every key value it has
   * (weak keys, held-back hubs, values no one else shares); for a key value, the current orders
   * that have it, in or outside the ring. Nodes and edges in `known` are not repeated.
   */
  expand(nodeId: string, known: readonly string[]): GraphExpansion {
    const index = this.linkable?.index;
    if (!index || !this.report) throw new Error('Rings are not computed yet; open the Rings screen again');
    const have = new Set(known);
    const hubValues = new Set(this.report.hubs.map((h) => h.key));
    const out: GraphExpansion = { nodes: [], edges: [], more: 0 };
    const keyNode = (k: number) => {
      const info = index.keys[k]!;
      return { id: `k:${info.type}:${info.value}`, info };
    };
    const orderNode = (pos: number) => `o:${pos}`;
    const addNode = (n: RingGraph['nodes'][number]) => {
      if (have.has(n.id)) return;
      have.add(n.id);
      out.nodes.push(n);
    };
    const addEdge = (e: RingGraph['edges'][number]) => {
      if (have.has(e.id)) return;
      have.add(e.id);
      out.edges.push(e);
    };
    const order = /^o:(\d+)$/.exec(nodeId);
    if (order) {
      const pos = Number(order[1]);
      if (!(pos < index.orderCount)) throw new Error(`No order ${nodeId} in the last computed rings`);
      const keys = index.orderKeys.subarray(index.orderStart[pos]!, index.orderStart[pos + 1]!);
      for (const k of keys) {
        const { id, info } = keyNode(k);
        addNode({ id, kind: info.type, label: info.value, hub: hubValues.has(k) || info.marked, outside: true });
        addEdge({ id: `e:${pos}:${info.type}:${info.value}`, source: nodeId, target: id, type: info.type, outside: true });
      }
      return out;
    }
    const key = /^k:([a-z]+):(.*)$/s.exec(nodeId);
    const k = key ? index.keyId(key[1] as KeyType, key[2]!) : undefined;
    if (k === undefined) throw new Error(`No key value ${nodeId} in the cache`);
    const { info } = keyNode(k);
    const start = index.keyStart[k]!;
    const end = index.keyStart[k + 1]!;
    for (let j = start; j < end; j++) {
      const pos = index.keyOrders[j]!;
      if (out.nodes.length >= EXPAND_CAP && !have.has(orderNode(pos))) {
        out.more++;
        continue;
      }
      addNode({ id: orderNode(pos), kind: 'order', label: this.orders[pos]!.externalId, hub: false, outside: true });
      addEdge({ id: `e:${pos}:${info.type}:${info.value}`, source: orderNode(pos), target: nodeId, type: info.type, outside: true });
    }
    return out;
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
      mark: marks.find((m) => m.status !== 'note') ?? null,
      marks,
      orders,
      orderNodes: ring.orders.map((pos) => `o:${pos}`),
      evidence: ringEvidence(ring, report.index, this.orders),
      graph,
    };
  }
}
