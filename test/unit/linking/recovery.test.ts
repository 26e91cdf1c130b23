// Ring recovery against the demo generator's planted truth: recall of planted ring members, precision
// of computed rings, and no hub gluing two planted rings. Prints the figures for the report.
import { describe, expect, it } from 'vitest';
import { generateDemoAll } from '../../../shared/demo';
import { buildRings } from '../../../shared/linking';

interface Recovery {
  recall: number;
  precision: number;
  /** Computed rings holding members of two or more planted rings. */
  merged: number;
  /** Planted hubs whose orders ended up linked through the hub value. */
  hubRings: number;
  /** Stricter precision: orders of no planted ring count as wrong even in a ring of their own. */
  strictPrecision: number;
  /** Computed rings with no planted member (e.g. one person under two unlinked identities). */
  benignRings: number;
  rings: number;
  planted: number;
  ms: number;
}

function recovery(orders: number, seed: number): Recovery {
  const demo = generateDemoAll({ orders, seed, now: Date.UTC(2026, 10, 1) });
  const started = performance.now();
  const report = buildRings(demo.orders, demo.disputes);
  const ms = performance.now() - started;
  const ringOfOrder = new Map<string, number>();
  report.rings.forEach((r, i) => r.orderKeys.forEach((k) => ringOfOrder.set(k, i)));
  // Recall: per planted ring, the largest share of its members in one computed ring, weighted by size.
  let found = 0;
  let members = 0;
  for (const planted of demo.truth.rings) {
    const counts = new Map<number, number>();
    for (const k of planted.orderKeys) {
      const r = ringOfOrder.get(k);
      if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    found += Math.max(0, ...counts.values());
    members += planted.orderKeys.length;
  }
  // Precision: share of orders in computed rings that carry their ring's majority label
  // (a planted ring id, or "none" for orders of no planted ring).
  const label = new Map<string, string>();
  for (const planted of demo.truth.rings) for (const k of planted.orderKeys) label.set(k, planted.id);
  let agreeing = 0;
  let inRings = 0;
  let merged = 0;
  let strict = 0;
  let benignRings = 0;
  for (const ring of report.rings) {
    const counts = new Map<string, number>();
    for (const k of ring.orderKeys) counts.set(label.get(k) ?? 'none', (counts.get(label.get(k) ?? 'none') ?? 0) + 1);
    agreeing += Math.max(...counts.values());
    inRings += ring.orderKeys.length;
    if ([...counts.keys()].filter((l) => l !== 'none').length > 1) merged++;
    const planted = [...counts].filter(([l]) => l !== 'none').map(([, n]) => n);
    strict += Math.max(0, ...planted);
    if (planted.length === 0) benignRings++;
  }
  // A hub links nothing: no computed ring holds two of its orders that share no other key.
  const hubRings = demo.truth.hubs.filter((hub) => {
    const rings = new Set(hub.orderKeys.map((k) => ringOfOrder.get(k)).filter((r) => r !== undefined));
    return [...rings].some((r) => hub.orderKeys.filter((k) => ringOfOrder.get(k) === r).length > hub.orderKeys.length / 4);
  }).length;
  return {
    recall: found / members,
    precision: agreeing / inRings,
    strictPrecision: strict / inRings,
    benignRings,
    merged,
    hubRings,
    rings: report.rings.length,
    planted: demo.truth.rings.length,
    ms: Math.round(ms),
  };
}

describe('ring recovery on demo data', () => {
  it.each([
    [10_000, 20260601],
    [10_000, 7],
    [100_000, 11],
  ])(
    '%i orders, seed %i: recall >= 0.95, precision >= 0.9, no hub merges planted rings',
    (orders, seed) => {
      const r = recovery(orders, seed);
      console.log(`recovery ${orders} orders seed ${seed}: ${JSON.stringify(r)}`);
      expect(r.planted).toBeGreaterThanOrEqual(5);
      expect(r.recall).toBeGreaterThanOrEqual(0.95);
      expect(r.precision).toBeGreaterThanOrEqual(0.9);
      expect(r.merged).toBe(0);
      expect(r.hubRings).toBe(0);
    },
    120_000,
  );
});
