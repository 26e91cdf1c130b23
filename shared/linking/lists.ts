// The rings screen's ready-made lists: riskiest, largest, fastest-growing and new since a time.
// Plain sorts over computed rings; ties break on ring id so lists are stable between runs.

import type { RingMetrics } from './metrics';

/** The ready-made lists, in the order the screen offers them. */
export const RING_LISTS = ['riskiest', 'largest', 'growing', 'new'] as const;
export type RingList = (typeof RING_LISTS)[number];

export interface RankedRing {
  id: string;
  metrics: RingMetrics;
  /** createdAt of each order, any order. */
  times: readonly number[];
}

const byId = (a: RankedRing, b: RankedRing): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function riskiest<R extends RankedRing>(rings: readonly R[], limit = Infinity): R[] {
  return [...rings].sort((a, b) => b.metrics.score - a.metrics.score || b.metrics.orders - a.metrics.orders || byId(a, b)).slice(0, limit);
}

export function largest<R extends RankedRing>(rings: readonly R[], limit = Infinity): R[] {
  return [...rings].sort((a, b) => b.metrics.orders - a.metrics.orders || b.metrics.customers - a.metrics.customers || byId(a, b)).slice(0, limit);
}

export interface Growth {
  recent: number;
  before: number;
  /** recent / max(1, before): a ring that appeared this week with 5 orders grows by 5. */
  rate: number;
}

/** Orders in the `days` before `now` against all earlier ones. */
export function growthOf(ring: RankedRing, now: number, days = 7): Growth {
  const from = now - days * 86_400_000;
  let recent = 0;
  let before = 0;
  for (const t of ring.times) {
    if (t > now) continue;
    if (t >= from) recent++;
    else before++;
  }
  return { recent, before, rate: recent / Math.max(1, before) };
}

/** Rings with orders in the last `days`, by growth rate, then by recent orders. */
export function fastestGrowing<R extends RankedRing>(rings: readonly R[], now: number, days = 7, limit = Infinity): R[] {
  const scored = rings.map((r) => ({ r, g: growthOf(r, now, days) })).filter((x) => x.g.recent > 0);
  scored.sort((a, b) => b.g.rate - a.g.rate || b.g.recent - a.g.recent || byId(a.r, b.r));
  return scored.slice(0, limit).map((x) => x.r);
}

/** Rings whose first order is at or after `since` (e.g. the previous import), riskiest first. */
export function newSince<R extends RankedRing>(rings: readonly R[], since: number): R[] {
  return riskiest(rings.filter((r) => r.metrics.firstSeen >= since));
}
