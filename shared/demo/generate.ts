// Streams a seeded year of orders, payments and disputes in chronological chunks and returns
// the planted truth (rings, hubs, CE 3.0 case) at the end. Only the plan (a few percent of the
// orders) is held in memory; ordinary orders are derived from their position on the fly.

import type { Dispute } from '../domain/dispute';
import { orderKey, type Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import { AccountIds } from './accounts';
import { YEAR_HOURS, hourTimes, planCalendar } from './calendar';
import { CardSpace } from './cards';
import { planCases } from './cases';
import { Ce3Watch } from './ce3';
import { BASE_DISPUTE_RATE, disputeDrawn } from './disputes';
import { CustomerBook } from './customers';
import { planHubs, type HubPlan } from './hubs';
import { IdentitySpace } from './identity';
import { NetworkSpace } from './network';
import { OrderWriter, type WrittenOrder } from './orders';
import { Planner, type PlannedOrder } from './plan';
import { hash3, rngFor, type Rng } from './prng';
import { planRings, type RingPlan } from './rings';
import { STREAM } from './streams';
import type { DemoChunk, DemoOptions, DemoTruth } from './types';

const DEFAULT_CHUNK = 10_000;

interface Settings {
  orders: number;
  seed: number;
  now: number;
  chunkSize: number;
}

function settings(opts: DemoOptions): Settings {
  const orders = Math.floor(opts.orders);
  if (!(orders >= 1) || orders > 50_000_000) throw new RangeError(`Demo size must be 1..50,000,000 orders, got ${opts.orders}`);
  if (!Number.isFinite(opts.now) || opts.now < 400 * 86_400_000) throw new RangeError(`Demo "now" must be epoch ms, got ${opts.now}`);
  if (!Number.isFinite(opts.seed)) throw new RangeError(`Demo seed must be a finite number, got ${opts.seed}`);
  const chunkSize = Math.floor(opts.chunkSize ?? DEFAULT_CHUNK);
  if (!(chunkSize >= 1)) throw new RangeError(`Demo chunk size must be positive, got ${opts.chunkSize}`);
  const s = Math.floor(opts.seed);
  const seed = hash3(s % 4294967296, Math.floor(s / 4294967296), 0x5eed);
  return { orders, seed, now: Math.floor(opts.now), chunkSize };
}

interface Scenario {
  planner: Planner;
  rings: RingPlan[];
  hubs: HubPlan[];
  writer: OrderWriter;
  customers: CustomerBook;
}

function buildScenario(s: Settings): Scenario {
  const cal = planCalendar(s.orders, s.now, s.seed);
  const personaRoom = 2000 + Math.ceil(s.orders * 0.1);
  const identities = new IdentitySpace(s.seed, s.orders + personaRoom);
  const planner = new Planner(s.orders, cal, identities, s.orders, s.orders + personaRoom);
  const cards = new CardSpace(s.seed, new Date(s.now).getUTCFullYear() % 100);
  const network = new NetworkSpace(s.seed);
  let draws = 0;
  const nextDraw = (): number => draws++;
  const rings = planRings(planner, rngFor(s.seed, STREAM.ring, 0), { cards, network, nextDraw });
  const hubs = planHubs(planner, rngFor(s.seed, STREAM.hub, 0));
  planCases(planner, rngFor(s.seed, STREAM.cases, 0), cards, network, nextDraw);
  routeRingsThroughHub(planner, rings, hubs, rngFor(s.seed, STREAM.hub, 1));
  const customers = new CustomerBook(s.seed, s.orders - planner.plannedCount);
  const writer = new OrderWriter(s.seed, s.now, identities, new AccountIds(s.seed), network, cards, customers);
  return { planner, rings, hubs, writer, customers };
}

/**
 * Customers who may receive a dispute (the draw depends only on the order position), so the
 * CE 3.0 tracker keeps history for them alone.
 */
function disputeCandidates(s: Settings, planner: Planner, customers: CustomerBook): Set<number> {
  const watched = new Set<number>();
  let ordinary = 0;
  for (let index = 0; index < s.orders; index++) {
    const planned = planner.slots.get(index);
    const position = planned ? -1 : ordinary++;
    const chance = planned ? (planned.dispute ? 1 : (planned.disputeChance ?? BASE_DISPUTE_RATE)) : BASE_DISPUTE_RATE;
    if (!disputeDrawn(s.seed, index, chance)) continue;
    watched.add(planned ? planned.person : customers.customerOf(position));
  }
  return watched;
}

/**
 * One member of a shared-card ring and one of a shared-device ring ship to the Packstation:
 * a linker that does not suppress hubs merges the two rings (and every Packstation customer).
 */
function routeRingsThroughHub(planner: Planner, rings: RingPlan[], hubs: HubPlan[], rng: Rng): void {
  const station = hubs[0];
  if (!station) return;
  for (const kind of ['shared-card', 'shared-device']) {
    const ring = rings.find((r) => r.kind === kind);
    const index = ring?.members[ring.members.length - 1];
    const planned = index === undefined ? undefined : planner.slots.get(index);
    if (index === undefined || !planned) continue;
    Object.assign(planned, station.fields(planner.identities.person(planned.person), rng));
    planned.hubs = [0];
    station.members.push(index);
  }
}

export function* generateDemo(opts: DemoOptions): Generator<DemoChunk, DemoTruth> {
  const s = settings(opts);
  const scenario = buildScenario(s);
  const { planner, rings, hubs, customers } = scenario;
  const ringKeys: string[][] = rings.map(() => []);
  const hubKeys: string[][] = hubs.map(() => []);
  const ce3 = new Ce3Watch(disputeCandidates(s, planner, customers));
  yield* walkYear(
    s,
    scenario,
    () => true,
    (customer, { order, payment, dispute }, planned) => {
      ce3.observe(customer, order, payment, dispute);
      if (planned) {
        const key = orderKey(order);
        if (planned.ring !== undefined) ringKeys[planned.ring]?.push(key);
        for (const h of planned.hubs ?? []) hubKeys[h]?.push(key);
      }
    },
  );
  return {
    rings: rings.map((r, i) => ({ id: r.id, kind: r.kind, orderKeys: ringKeys[i] as string[] })),
    hubs: hubs.map((h, i) => ({ kind: h.kind, keyType: h.keyType, value: h.value, orderKeys: hubKeys[i] as string[] })),
    ce3Eligible: ce3.eligible,
  };
}

/** One of `of` makers of a year: it makes the chunks whose number (0-based, in time order) is `index` modulo `of`. */
export interface DemoPart {
  index: number;
  of: number;
}

/**
 * The chunks of the year `generateDemo` makes that fall to `part`, the same chunks to the order,
 * so several makers can share a year (the demo load runs two, demoAhead.ts). The others are
 * passed over at a fraction of their cost: an order's content depends on its position alone, but
 * for which customer places it and the shop's running order number. No truth is kept.
 */
export function* generateDemoPart(opts: DemoOptions, part: DemoPart): Generator<DemoChunk, void> {
  if (!Number.isInteger(part.of) || part.of < 1 || !Number.isInteger(part.index) || part.index < 0 || part.index >= part.of)
    throw new RangeError(`Demo part must be 0..of-1 of a positive count, got ${part.index} of ${part.of}`);
  const s = settings(opts);
  yield* walkYear(s, buildScenario(s), (chunk) => chunk % part.of === part.index);
}

/**
 * The year's orders in time order, in chunks of `s.chunkSize`: chunk n holds positions
 * n * chunkSize onwards. Chunks `take` refuses are passed over, each order only advancing what
 * later orders depend on (OrderWriter.skip); `seen` is told each order made.
 */
function* walkYear(
  s: Settings,
  { planner, writer, customers }: Scenario,
  take: (chunk: number) => boolean,
  seen?: (customer: number, written: WrittenOrder, planned: PlannedOrder | undefined) => void,
): Generator<DemoChunk> {
  let chunk: DemoChunk = { orders: [], payments: [], disputes: [] };
  let index = 0;
  let ordinary = 0;
  for (let hour = 0; hour < YEAR_HOURS; hour++) {
    const count = planner.cal.counts[hour] as number;
    let times: Float64Array | null = null;
    for (let k = 0; k < count; k++, index++) {
      const planned = planner.slots.get(index);
      const customer = planned ? planned.person : customers.customerOf(ordinary++);
      if (!take(Math.floor(index / s.chunkSize))) {
        writer.skip(index, customer, planned);
        continue;
      }
      times ??= hourTimes(planner.cal, hour, s.seed);
      const written = writer.write(index, times[k] as number, customer, planned);
      chunk.orders.push(written.order);
      if (written.payment) chunk.payments.push(written.payment);
      if (written.dispute) chunk.disputes.push(written.dispute);
      seen?.(customer, written, planned);
      if (chunk.orders.length >= s.chunkSize) {
        yield chunk;
        chunk = { orders: [], payments: [], disputes: [] };
      }
    }
  }
  if (chunk.orders.length > 0) yield chunk;
}

/** Everything at once; for tests and small demos (holds all orders in memory). */
export function generateDemoAll(opts: DemoOptions): { orders: Order[]; payments: Payment[]; disputes: Dispute[]; truth: DemoTruth } {
  const orders: Order[] = [];
  const payments: Payment[] = [];
  const disputes: Dispute[] = [];
  const gen = generateDemo(opts);
  for (;;) {
    const next = gen.next();
    if (next.done) return { orders, payments, disputes, truth: next.value };
    for (const o of next.value.orders) orders.push(o);
    for (const p of next.value.payments) payments.push(p);
    for (const d of next.value.disputes) disputes.push(d);
  }
}
