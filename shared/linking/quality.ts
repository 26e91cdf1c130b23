// How well the linker finds planted rings: recall (planted members found together) and precision
// (members of computed rings that belong with their ring's majority), plus the two failures that
// matter most: planted rings merged into one, and hubs that glued their honest users together.
import type { Ring } from './build';

export interface RingQuality {
  recall: number;
  precision: number;
  /** Computed rings holding members of two or more planted rings. */
  merged: number;
  /** Planted hubs a quarter or more of whose orders ended up in one computed ring. */
  hubRings: number;
  rings: number;
  planted: number;
}

export function ringQuality(
  rings: readonly Pick<Ring, 'orderKeys'>[],
  planted: readonly { id: string; orderKeys: readonly string[] }[],
  hubs: readonly { orderKeys: readonly string[] }[],
): RingQuality {
  const ringOf = new Map<string, number>();
  rings.forEach((r, i) => r.orderKeys.forEach((k) => ringOf.set(k, i)));
  let found = 0;
  let members = 0;
  for (const p of planted) {
    const counts = new Map<number, number>();
    for (const k of p.orderKeys) {
      const r = ringOf.get(k);
      if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    found += Math.max(0, ...counts.values());
    members += p.orderKeys.length;
  }
  const label = new Map<string, string>();
  for (const p of planted) for (const k of p.orderKeys) label.set(k, p.id);
  let agreeing = 0;
  let inRings = 0;
  let merged = 0;
  for (const ring of rings) {
    const counts = new Map<string, number>();
    for (const k of ring.orderKeys) counts.set(label.get(k) ?? 'none', (counts.get(label.get(k) ?? 'none') ?? 0) + 1);
    agreeing += Math.max(...counts.values());
    inRings += ring.orderKeys.length;
    if ([...counts.keys()].filter((l) => l !== 'none').length > 1) merged++;
  }
  const hubRings = hubs.filter((hub) => {
    const counts = new Map<number, number>();
    for (const k of hub.orderKeys) {
      const r = ringOf.get(k);
      if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    return [...counts.values()].some((n) => n >= hub.orderKeys.length / 4);
  }).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    recall: members ? round(found / members) : 1,
    precision: inRings ? round(agreeing / inRings) : 1,
    merged,
    hubRings,
    rings: rings.length,
    planted: planted.length,
  };
}
