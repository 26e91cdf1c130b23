// Rings for the Rings screen: links every current order in the cache worker with the shared
// linking core, keeps the result for drill-down, and answers with plain summaries. The key index
// (every order's normalised link keys, interned) is kept in memory and in the cache
// (keyIndexStore.ts), read back after a restart and grown with each import: only new blocks are
// normalised; an undo, an erasure, a restore or a wipe makes it stale, and it is built again.
import { standingDisputes } from '../../../../shared/disputes/standing';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import type { Order } from '../../../../shared/domain/order';
import type { Dispute } from '../../../../shared/domain/dispute';
import { type RingList } from '../../../../shared/linking/lists';
import {
  buildRingsFrom,
  fastestGrowing,
  hubRuleProblem,
  hubRulesFor,
  KeyIndexBuilder,
  type Burst,
  type HubRule,
  type HubRules,
  type KeyIndex,
  largest,
  OrderLabels,
  riskiest,
  ringEvidence,
  type Hub,
  type LinkOptions,
  type RingLink,
  type RingOrderSource,
  type RingsReport,
} from '../../../../shared/linking';
import { MetaRepository } from '../storage/metaRepository';
import type { RingMetrics } from '../../../../shared/linking/metrics';
import { describeLinkValue, linkKeysOf, type KeyType } from '../../../../shared/normalize';
import type { OrderSnapshot, OrderStore } from '../storage/orderStore';
import { keyIndexGeneration, loadKeyIndex, loadKeyIndexCustomers, loadKeyIndexText, saveKeyIndex, type KeptKeyIndex } from '../storage/keyIndexStore';
import { MARKETPLACES } from '../../../../shared/domain/order';
import { RingDecisions, verdictsOfRings } from './ringDecisions';
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
  /** Orders normalised for this run: all of them when no kept index fits, then only those new since. */
  indexedOrders: number;
  /** Orders whose keys came from the index kept in the cache on this run (after a restart), else 0. */
  restoredOrders: number;
}

/** Progress of building the key index: orders normalised of those to normalise. */
export type IndexProgress = (done: number, total: number) => void;

/** The key index over a snapshot's rows (current and superseded; superseded ones never link). */
interface Linkable {
  snapshot: OrderSnapshot;
  blockIds: readonly number[];
  /** The cache's key-index generation the text was read at (keyIndexStore.ts). */
  generation: number;
  builder: KeyIndexBuilder;
  labels: OrderLabels;
  /** The kept index it was restored from, until its customers are read back to add orders. */
  serial: number | null;
  index: KeyIndex;
}

/** Every row of a snapshot decoded, for the screens that score or search all orders (review, disputes). */
interface Decoded {
  snapshot: OrderSnapshot;
  blockIds: readonly number[];
  orders: Order[];
}

/** Blocks normalised between progress reports and yields, so a long build never holds the worker for seconds. */
const BLOCKS_PER_STEP = 2;

const isPrefix = (a: readonly number[], b: readonly number[]) => a.length <= b.length && a.every((id, i) => b[i] === id);

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
  private linkable: Linkable | null = null;
  private linking: Promise<unknown> = Promise.resolve();
  /** The options of the last run (the Rings screen's key types, strength, hub count). */
  private reportOptions: Omit<LinkOptions, 'overrides'> = {};
  /** The key index and labels the last report was linked from (drill-down reads them). */
  private reportOn: Linkable | null = null;
  private decoded: Decoded | null = null;
  private decoding: Promise<unknown> = Promise.resolve();
  private saving: Promise<unknown> = Promise.resolve();
  private progress: IndexProgress | null = null;
  /** The kept key index being read ahead of the first run after a start (prefetchKept). */
  private keptRead: ReturnType<typeof loadKeyIndex> | null = null;
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

  /**
   * Forgets the key index in memory: personal fields of stored blocks changed (an erasure) or the
   * cache was replaced. The kept one was dropped in the same transaction, so it is built again.
   */
  invalidate(): void {
    this.linkable = null;
    this.decoded = null;
    this.keptRead = null;
  }

  /**
   * Starts reading the kept key index when none is in memory (the first Rings, Review or Disputes
   * call after a start), so that read overlaps opening the order store. The first run uses it
   * under the same checks as a read of its own: stamp, generation and blocks.
   */
  prefetchKept(): void {
    if (this.linkable || this.keptRead) return;
    this.keptRead = loadKeyIndex(this.db).catch(() => null);
  }

  /** Resolves when the key index built or extended so far is kept in the cache (tests, the bench). */
  async saved(): Promise<void> {
    await this.linking.catch(() => undefined);
    await this.saving;
  }

  /**
   * Brings the key index up to the current orders in the background (after an import), so the
   * next visit to Rings, Review or Reports finds it ready and the cache keeps it. Only when an index
   * is in use or kept: a cache that never linked builds it on first need.
   */
  async refresh(): Promise<void> {
    try {
      if (!this.linkable && !(await loadKeyIndexHeadExists(this.db))) return;
      await this.linkableFor(this.store.currentSnapshot());
    } catch {
      // In the background: a closed cache or a full disk leaves it to the next visit, which says why.
    }
  }

  /** Links every current order; the analysts' active overrides always apply. */
  async compute(options: Omit<LinkOptions, 'overrides'> = {}, onProgress?: IndexProgress): Promise<RingsOverview> {
    const t0 = performance.now();
    const snapshot = this.store.currentSnapshot();
    const [{ linkable, added, restored }, disputes, overrides, marks, imports, hubRules] = await Promise.all([
      this.linkableFor(snapshot, onProgress),
      this.standingDisputes(),
      this.decisions.activeOverrides(),
      this.decisions.currentMarks(),
      this.db.imports.where('status').anyOf('completed', 'interrupted', 'cancelled', 'failed').toArray(),
      this.hubRules(),
    ]);
    const indexMs = performance.now() - t0;
    const { index } = linkable;
    const cols = snapshot.keyColumns;
    // Built from this call's own snapshot and stored together, so an overlapping call cannot mix them.
    // Orders a labelled export called fraud weigh in hub judgement with fraud chargebacks.
    const report = buildRingsFrom(index, ringSource(linkable, true), disputes, { hubRules, ...options, overrides });
    this.report = report;
    this.reportOn = linkable;
    this.reportOptions = options;
    const rings = report.rings;
    const verdicts = verdictsOfRings(marks, rings);
    const latest = imports.sort((a, b) => b.id! - a.id!)[0];
    const live = snapshot.live;
    let now = 0;
    for (let i = 0; i < index.orderCount; i++) if (live[i] && cols.createdAt[i]! > now) now = cols.createdAt[i]!;
    const ids = (list: { id: string }[]) => list.map((r) => r.id);
    return {
      rings: rings.map((r, i) => ({ id: r.id, rank: i + 1, metrics: r.metrics, keys: r.keys, mark: verdicts.get(r.id) ?? null })),
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
      restoredOrders: restored,
    };
  }

  /**
   * The key index for `snapshot`: the one in memory when nothing changed; else the one kept in the
   * cache when it covers a prefix of the snapshot's blocks at the current generation; extended by
   * the blocks after that prefix (an import); built from scratch when none fits (blocks removed by
   * an undo, text erased, a restore, an old cache). Runs one at a time, so two overlapping calls
   * never add the same blocks twice; a call's progress goes to whoever waits on the build.
   */
  private linkableFor(snapshot: OrderSnapshot, onProgress?: IndexProgress): Promise<{ linkable: Linkable; added: number; restored: number }> {
    if (onProgress) this.progress = onProgress;
    const run = this.linking.then(async () => {
      // A read-ahead at start (nothing in memory) carries the generation it read before its large
      // reads: asked again now, the answer would wait behind them.
      const ahead = this.linkable ? null : this.keptRead;
      this.keptRead = null;
      if (ahead) {
        const kept = await ahead;
        const generation = kept ? kept.stamp.generation : await keyIndexGeneration(this.db);
        return (await this.linkFrom(snapshot, generation, null, kept)) ?? (await this.linkFrom(snapshot, generation, null, null))!;
      }
      const generation = await keyIndexGeneration(this.db);
      const inMemory = this.linkable?.generation === generation ? this.linkable : null;
      if (inMemory?.snapshot === snapshot) return { linkable: inMemory, added: 0, restored: 0 };
      const extendable = inMemory && isPrefix(inMemory.blockIds, snapshot.blockIds) ? inMemory : null;
      const kept = extendable || inMemory ? null : await (this.keptRead ?? loadKeyIndex(this.db));
      this.keptRead = null;
      // A kept index whose parts another save replaced while they were read is built again.
      return (await this.linkFrom(snapshot, generation, extendable, kept)) ?? (await this.linkFrom(snapshot, generation, null, null))!;
    });
    this.linking = run.catch(() => undefined).finally(() => (this.progress = null));
    return run;
  }

  /**
   * The key index for `snapshot` from what is at hand: an index in memory to extend, else a kept one
   * that fits, else none (every order normalised). Null when the kept one's parts were replaced by
   * another save while they were read.
   */
  private async linkFrom(
    snapshot: OrderSnapshot,
    generation: number,
    extendable: Linkable | null,
    kept: KeptKeyIndex | null,
  ): Promise<{ linkable: Linkable; added: number; restored: number } | null> {
    let base: Omit<Linkable, 'snapshot' | 'index'> | null = extendable;
    let rest: KeptKeyIndex['rest'] | null = null;
    let restored = 0;
    const fits =
      kept !== null &&
      kept.stamp.generation === generation &&
      isPrefix(kept.stamp.blockIds, snapshot.blockIds) &&
      kept.stamp.rows === snapshot.rowsBeforeBlock(kept.stamp.blockIds.length) &&
      kept.index.orderCount === kept.stamp.rows;
    if (fits) {
      // Order times are the cache's own key columns; labels and shared values follow in `rest`.
      base = {
        blockIds: kept.stamp.blockIds,
        generation,
        builder: KeyIndexBuilder.restore(kept.index, snapshot.keyColumns.createdAt),
        labels: new OrderLabels(),
        serial: kept.serial,
      };
      rest = kept.rest;
      restored = kept.stamp.rows;
    }
    const restoreRest = async (into: Omit<Linkable, 'snapshot' | 'index'>): Promise<boolean> => {
      const r = await rest!;
      rest = null;
      if (!r) return false;
      into.builder.attachShared(r.shared);
      into.labels = OrderLabels.restore(r.labels);
      return true;
    };
    if (base && base.blockIds.length < snapshot.blockIds.length) {
      if (rest && !(await restoreRest(base))) return null;
      if (!(await this.attachForAdding(base))) base = null;
    }
    const builder = base?.builder ?? new KeyIndexBuilder();
    const from = base ? base.blockIds.length : 0;
    const blocks = snapshot.blockIds.length;
    const total = snapshot.rowsBeforeBlock(blocks) - snapshot.rowsBeforeBlock(from);
    const labels = base?.labels ?? new OrderLabels();
    let added = 0;
    for (let b = from; b < blocks; b += BLOCKS_PER_STEP) {
      const fresh = await snapshot.rowsFromBlock(b, b + BLOCKS_PER_STEP);
      builder.add(fresh);
      labels.add(fresh);
      added += fresh.length;
      this.progress?.(added, total);
      // Let other requests (the orders table, a report) in between steps.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // Linking arrays first: the labels and shared values of a kept index arrive meanwhile.
    const index = builder.index(snapshot.live);
    const linkable: Linkable = { snapshot, blockIds: snapshot.blockIds, generation, builder, labels, serial: base?.serial ?? null, index };
    if (rest && !(await restoreRest(linkable))) return null;
    this.linkable = linkable;
    if (added > 0) this.keep(linkable);
    return { linkable, added, restored };
  }

  /** Reads a restored index's full text and customers, needed to add orders; false when another save replaced them. */
  private async attachForAdding(l: Omit<Linkable, 'snapshot' | 'index'>): Promise<boolean> {
    if (l.builder.canAdd) return true;
    if (l.serial === null) return false;
    const [text, customers] = await Promise.all([l.builder.hasText ? null : loadKeyIndexText(this.db, l.serial), loadKeyIndexCustomers(this.db, l.serial)]);
    if ((!l.builder.hasText && !text) || !customers) return false;
    try {
      if (text) l.builder.attachText(text);
      l.builder.attachCustomers(customers);
    } catch {
      // Parts that do not fit the index (another save's): the caller builds it again.
      return false;
    }
    return true;
  }

  /**
   * Every key's value for the index in memory (restored ones read back only the shared keys' values):
   * scoring, the disputes screen and graph expansion look up any key. False when another save
   * replaced the kept text; the caller links again.
   */
  private async attachText(l: Linkable): Promise<boolean> {
    if (l.builder.hasText) return true;
    const text = l.serial === null ? null : await loadKeyIndexText(this.db, l.serial);
    if (!text) return false;
    l.builder.attachText(text);
    return true;
  }

  /** Keeps an index built or extended in memory in the cache, in the background. */
  private keep(l: Linkable): void {
    const stamp = { generation: l.generation, blockIds: [...l.blockIds], rows: l.builder.orderCount };
    const index = l.builder.state(l.snapshot.live, l.index.customerOf);
    const text = l.builder.text();
    const shared = l.builder.sharedText();
    const labels = l.labels.state();
    const customers = l.builder.customers();
    if (!customers || !text || !shared) return;
    this.saving = this.saving
      .then(async () => {
        const kept = await saveKeyIndex(this.db, stamp, { index, text, shared, labels, customers });
        if (kept && this.linkable === l) l.serial = kept.serial;
      })
      // A full disk or a closed cache only means the next start builds it again.
      .catch(() => undefined);
  }

  /** Every row of the snapshot decoded, extended block by block like the key index. */
  private decodedFor(snapshot: OrderSnapshot): Promise<Order[]> {
    const run = this.decoding.then(async () => {
      const kept = this.decoded;
      if (kept?.snapshot === snapshot) return kept.orders;
      const extend = kept !== null && isPrefix(kept.blockIds, snapshot.blockIds);
      const orders = extend ? kept.orders : [];
      const fresh = await snapshot.rowsFromBlock(extend ? kept.blockIds.length : 0);
      for (const o of fresh) orders.push(o);
      this.decoded = { snapshot, blockIds: snapshot.blockIds, orders };
      return orders;
    });
    this.decoding = run.catch(() => undefined);
    return run;
  }

  /**
   * The disputes that stand: what rings and the review queue count as a ring's or a card's
   * chargebacks, meeting orders by either spelling of the number (spellingFreeKey). Not joined to
   * the stored spelling here: that reads every row's key hash, which a cold Rings visit cannot pay.
   */
  async standingDisputes(): Promise<Dispute[]> {
    return standingDisputes(await this.db.disputes.toArray()).disputes;
  }

  /**
   * Every current order of the cache and its key index, built or extended as for a rings run:
   * the review queue scores them and the disputes screen finds orders and card histories here.
   */
  async current(): Promise<{ orders: readonly Order[]; index: KeyIndex; live: Uint8Array }> {
    const snapshot = this.store.currentSnapshot();
    const [linkable, orders] = await Promise.all([this.linkableWithText(snapshot), this.decodedFor(snapshot)]);
    return { orders, index: linkable.index, live: snapshot.live };
  }

  /** The key index for `snapshot` with every key's value at hand (see attachText). */
  private async linkableWithText(snapshot: OrderSnapshot): Promise<Linkable> {
    const { linkable } = await this.linkableFor(snapshot);
    if (await this.attachText(linkable)) return linkable;
    // The kept text was replaced by a newer save: forget this index and read or build it again.
    if (this.linkable === linkable) this.linkable = null;
    const again = (await this.linkableFor(snapshot)).linkable;
    if (!(await this.attachText(again))) throw new Error('The key index changed while it was read; open the screen again');
    return again;
  }

  /** Computes rings with the default options unless a run already did. */
  /** Links if the rings are not current; `onProgress` follows the key index while it is built or extended. */
  async ensureComputed(onProgress?: IndexProgress): Promise<void> {
    if (!this.report || this.linkable?.snapshot !== this.store.currentSnapshot()) await this.compute({}, onProgress);
  }

  /** The rings of the last run. */
  lastRings(): readonly RingsReport['rings'][number][] {
    return this.report?.rings ?? [];
  }

  /**
   * The last run's rings as they link when no labelled outcome is weighed in hub judgement: what
   * Review's What if… scores with, since it measures the matrices against those very labels. Null
   * when no order is labelled fraud (or nothing was linked yet): the last run's rings are those.
   */
  async ringsWithoutKnownOutcomes(): Promise<readonly RingsReport['rings'][number][] | null> {
    const report = this.report;
    const on = this.reportOn;
    if (!report || !on || !on.labels.knownFraud()) return null;
    const [disputes, overrides, hubRules] = await Promise.all([this.standingDisputes(), this.decisions.activeOverrides(), this.hubRules()]);
    return buildRingsFrom(report.index, ringSource(on, false), disputes, { hubRules, ...this.reportOptions, overrides }).rings;
  }

  /** The verdict that stands per ring of the last run, one given under a ring's former name included (verdictsOfRings). */
  async verdicts(): Promise<Map<string, RingMarkRecord>> {
    return verdictsOfRings(await this.decisions.currentMarks(), this.lastRings());
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
  async expand(nodeId: string, known: readonly string[]): Promise<GraphExpansion> {
    const index = this.report?.index;
    const labels = this.reportOn?.labels;
    if (!index || !labels || !this.report || !this.reportOn) throw new Error('Rings are not computed yet; open the Rings screen again');
    // An order's own keys may be values no one else shares: read every value back first.
    if (!(await this.attachText(this.reportOn))) throw new Error('The key index changed since the rings were linked; open the Rings screen again');
    const have = new Set(known);
    const hubValues = new Set(this.report.hubs.map((h) => h.key));
    const out: GraphExpansion = { nodes: [], edges: [], more: 0 };
    const keyNode = (k: number) => {
      const info = index.key(k);
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
        addNode({ id, kind: info.type, label: describeLinkValue(info.type, info.value), hub: hubValues.has(k) || info.marked, outside: true });
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
      addNode({ id: orderNode(pos), kind: 'order', label: externalIdOf(labels.orderKey(pos)), hub: false, outside: true });
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
    const orders = await this.reportOn!.snapshot.rowsAt(ring.orders);
    // Sparse, by position: the evidence reads the two orders of each link.
    const byPosition: Order[] = [];
    ring.orders.forEach((pos, j) => (byPosition[pos] = orders[j]!));
    const hubValues = new Set(report.hubs.map((h) => `${h.type}:${h.value}`));
    const shared = new Map<string, KeyType>();
    for (const [type, values] of Object.entries(ring.keys) as [KeyType, string[]][]) for (const v of values) shared.set(`${type}:${v}`, type);
    const graph: RingGraph = { nodes: [], edges: [] };
    // Labelled as the ring's chips read (`mullerstr 2, 44835 DE`), not as the index keeps the value (`DE|44835|mullerstr|2`).
    for (const [key, type] of shared)
      graph.nodes.push({ id: `k:${key}`, kind: type, label: describeLinkValue(type, key.slice(type.length + 1)), hub: hubValues.has(key) });
    ring.orders.forEach((pos) => {
      const o = byPosition[pos]!;
      graph.nodes.push({ id: `o:${pos}`, kind: 'order', label: o.externalId, hub: false });
      for (const k of linkKeysOf(o)) {
        const key = `${k.type}:${k.value}`;
        if (shared.has(key)) graph.edges.push({ id: `e:${pos}:${key}`, source: `o:${pos}`, target: `k:${key}`, type: k.type });
      }
    });
    const verdict = verdictsOfRings(await this.decisions.currentMarks(), [ring]).get(ring.id);
    const own = await this.decisions.marksOf(ring.id);
    // A verdict given under the ring's former name comes with that name's history.
    const marks =
      verdict && verdict.ringId !== ring.id ? [...own, ...(await this.decisions.marksOf(verdict.ringId))].sort((a, b) => b.createdAt - a.createdAt) : own;
    return {
      id: ring.id,
      rank: index + 1,
      metrics: ring.metrics,
      keys: ring.keys,
      mark: marks.find((m) => m.status !== 'note') ?? null,
      marks,
      orders,
      orderNodes: ring.orders.map((pos) => `o:${pos}`),
      evidence: ringEvidence(ring, report.index, byPosition),
      graph,
    };
  }
}

/** The order number part of an order key (`source:externalId`). */
function externalIdOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

async function loadKeyIndexHeadExists(db: WorkbenchDb): Promise<boolean> {
  return (await db.keyIndex.get('head')) !== undefined;
}

/**
 * What ranking needs of ring members, from the cache's key columns and the index's labels (no
 * order text is read); `knownOutcomes`: orders a labelled export called fraud weigh in hubs.
 */
function ringSource(l: Linkable, knownOutcomes: boolean): RingOrderSource {
  const { labels } = l;
  const cols = l.snapshot.keyColumns;
  const knownFraud = knownOutcomes ? labels.knownFraud() : undefined;
  return {
    orderKey: (i) => labels.orderKey(i),
    ringOrder: (i) => ({
      marketplace: MARKETPLACES[cols.marketplace[i]!]!,
      createdAt: cols.createdAt[i]!,
      totalMinor: cols.totalMinor[i]!,
      currency: labels.currency(i),
    }),
    ...(knownFraud ? { knownFraud } : {}),
  };
}
