// Ring quality on shapes the demo year has few of: device bursts and card testing are found whole,
// steady hubs and repeat customers (with or without accounts) make no ring. The figures are also
// written by npm run bench (ring_quality_*).
import { describe, expect, it } from 'vitest';
import { generatePlantedCases } from '../../../shared/demo/plantedCases';
import { buildRings } from '../../../shared/linking';
import { ringQuality } from '../../../shared/linking/quality';

describe('ring quality on planted cases', () => {
  it.each([1, 2, 3])('seed %i: recall >= 0.95, precision >= 0.9, no merged rings, no hub links its users', (seed) => {
    const cases = generatePlantedCases(seed, Date.UTC(2026, 10, 18), 2);
    const report = buildRings(cases.orders);
    const q = ringQuality(report.rings, cases.rings, cases.hubs);
    expect(q.planted).toBe(32);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    expect(q.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.merged).toBe(0);
    expect(q.hubRings).toBe(0);
    // Every planted kind is found, not only the easy ones.
    for (const kind of ['device-burst', 'card-testing']) {
      const planted = cases.rings.filter((r) => r.kind === kind);
      expect(ringQuality(report.rings, planted, []).recall, kind).toBeGreaterThanOrEqual(0.95);
    }
  });
});
