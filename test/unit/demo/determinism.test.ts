import { describe, expect, it } from 'vitest';
import { generateDemo, generateDemoAll, generateDemoPart } from '../../../shared/demo';
import { orderKey } from '../../../shared/domain/order';
import { fnv1a64 } from '../../../shared/ingest/contentHash';
import { DAY, NOW, demo10k, linkKeys } from './fixture';

describe('demo generator: determinism and streaming', () => {
  it('gives identical output for the same seed and options', () => {
    const again = generateDemoAll({ orders: 10_000, seed: 20251124, now: NOW, chunkSize: 2_500 });
    expect(again).toEqual(demo10k());
  });

  it('gives different data for a different seed', () => {
    const other = generateDemoAll({ orders: 10_000, seed: 20251125, now: NOW });
    const a = demo10k().orders;
    const same = other.orders.filter((o, i) => o.externalId === a[i]?.externalId || o.email === a[i]?.email);
    expect(same.length).toBeLessThan(other.orders.length * 0.02);
    expect(other.truth.rings.map((r) => r.orderKeys)).not.toEqual(demo10k().truth.rings.map((r) => r.orderKeys));
  });

  it('does not depend on the chunk size', () => {
    const small = generateDemoAll({ orders: 3_000, seed: 5, now: NOW, chunkSize: 7 });
    const large = generateDemoAll({ orders: 3_000, seed: 5, now: NOW, chunkSize: 100_000 });
    expect(small).toEqual(large);
  });

  it('makes the year it made before: a pinned digest of orders, payments, disputes and truth', () => {
    // A change meant to alter the demo year updates these; any other change must leave them be
    // (how the year is made, by one maker or several, with tables or searches, is not what it is).
    const digest = (orders: number, seed: number) => {
      const d = generateDemoAll({ orders, seed, now: NOW });
      return fnv1a64(JSON.stringify([d.orders, d.payments, d.disputes, d.truth]));
    };
    expect(digest(3000, 11)).toBe('c2d92f1280189de3');
    expect(digest(20_000, 20261124)).toBe('3aad8b6430d8536b');
  });

  it('makers of parts of the year make, between them, its chunks to the order', () => {
    // Sizes that end on a chunk boundary and between, chunks smaller than an hour's orders, parts
    // that get no chunk at all, and the shop's running order numbers across parts.
    for (const [orders, seed, chunkSize, of] of [
      [10_000, 20251124, 2_500, 2],
      [7_777, 5, 1_000, 2],
      [3_001, 9, 7, 3],
      [900, 2, 1_000, 3],
    ] as const) {
      const whole = [...generateDemo({ orders, seed, now: NOW, chunkSize })];
      const parts = Array.from({ length: of }, (_, index) => [...generateDemoPart({ orders, seed, now: NOW, chunkSize }, { index, of })]);
      const merged = whole.map((_, n) => parts[n % of]![Math.floor(n / of)]);
      expect(merged).toEqual(whole);
      expect(parts.reduce((sum, p) => sum + p.length, 0)).toBe(whole.length);
      expect(whole.flatMap((c) => c.orders).some((o) => o.source === 'shopify')).toBe(true);
    }
    expect(() => [...generateDemoPart({ orders: 10, seed: 1, now: NOW }, { index: 2, of: 2 })]).toThrow(RangeError);
  });

  it('yields full chunks of chunkSize, a smaller last one, and the requested total', () => {
    const gen = generateDemo({ orders: 10_003, seed: 1, now: NOW, chunkSize: 1_000 });
    const sizes: number[] = [];
    let next = gen.next();
    while (!next.done) {
      sizes.push(next.value.orders.length);
      next = gen.next();
    }
    expect(sizes).toEqual([...Array(10).fill(1_000), 3]);
    expect(next.value.rings.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps payments and disputes in the chunk of their order', () => {
    for (const chunk of generateDemo({ orders: 4_000, seed: 3, now: NOW, chunkSize: 500 })) {
      const refs = new Set(chunk.orders.map((o) => o.externalId));
      const paymentIds = new Set(chunk.payments.map((p) => p.id));
      expect(chunk.payments.every((p) => refs.has(p.orderRef))).toBe(true);
      expect(chunk.disputes.every((d) => paymentIds.has(d.paymentId))).toBe(true);
    }
  });

  it('emits orders in chronological order within one year ending at now, on whole seconds', () => {
    const { orders } = demo10k();
    for (let i = 1; i < orders.length; i++) expect(orders[i]!.createdAt).toBeGreaterThanOrEqual(orders[i - 1]!.createdAt);
    expect(orders[0]!.createdAt).toBeGreaterThanOrEqual(NOW - 365 * DAY);
    expect(orders.at(-1)!.createdAt).toBeLessThanOrEqual(NOW);
    expect(orders.every((o) => o.createdAt % 1000 === 0)).toBe(true);
  });

  it('accepts odd sizes, including tiny ones', () => {
    for (const n of [1, 2, 37, 499, 1_234]) {
      const demo = generateDemoAll({ orders: n, seed: n, now: NOW });
      expect(demo.orders).toHaveLength(n);
      for (const ring of demo.truth.rings) expect(ring.orderKeys.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('rejects nonsense options with a message', () => {
    expect(() => generateDemoAll({ orders: 0, seed: 1, now: NOW })).toThrow(/Demo size/);
    expect(() => generateDemoAll({ orders: 10, seed: Number.NaN, now: NOW })).toThrow(/seed/);
    expect(() => generateDemoAll({ orders: 10, seed: 1, now: NOW, chunkSize: 0 })).toThrow(/chunk size/);
  });

  it('streams 100k orders quickly, and even at that size links nobody by accident', () => {
    const started = performance.now();
    let orders = 0;
    let chunks = 0;
    // First holder of each link key, and every later holder with a different name.
    const first = new Map<string, [name: string, key: string]>();
    const clashes = new Map<string, [name: string, key: string][]>();
    const gen = generateDemo({ orders: 100_000, seed: 99, now: NOW });
    let next = gen.next();
    while (!next.done) {
      orders += next.value.orders.length;
      chunks++;
      for (const o of next.value.orders) {
        const holder: [string, string] = [o.shipName.toLowerCase(), orderKey(o)];
        for (const k of linkKeys(o)) {
          const seen = first.get(k);
          if (!seen) first.set(k, holder);
          else if (seen[0] !== holder[0]) clashes.set(k, [...(clashes.get(k) ?? [seen]), holder]);
        }
      }
      next = gen.next();
    }
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(orders).toBe(100_000);
    expect(chunks).toBe(10);
    const truth = next.value;
    expect(truth.rings.length).toBeGreaterThanOrEqual(90);
    const planted = new Set([...truth.rings, ...truth.hubs].flatMap((x) => x.orderKeys));
    const accidental = [...clashes.entries()].filter(([, holders]) => new Set(holders.filter(([, key]) => !planted.has(key)).map(([name]) => name)).size > 1);
    expect(accidental).toEqual([]);
  });
});
