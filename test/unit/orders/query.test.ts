import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MARKETPLACES, ORDER_STATUSES, type Order } from '../../../shared/domain/order';
import { encodeOrders } from '../../../shared/orders/columns';
import { NO_FILTER, SORT_FIELDS, filterRows, sortPermutation, type OrderFilter, type OrderSort } from '../../../shared/orders/query';
import { order } from '../../support/orders';

const DAY = 86_400_000;

/** Key columns of `orders`, with the rows in `superseded` marked as replaced by a later import. */
function keysOf(orders: Order[], superseded: ReadonlySet<number> = new Set()) {
  const keys = encodeOrders(orders).keys;
  return { ...keys, live: Uint8Array.from(orders, (_, i) => (superseded.has(i) ? 0 : 1)) };
}
const T0 = Date.UTC(2026, 0, 1);

function naive(orders: Order[], filter: OrderFilter, sort: OrderSort, superseded: ReadonlySet<number>): number[] {
  const rows = orders
    .map((o, i) => ({ o, i }))
    .filter(({ i }) => !superseded.has(i))
    .filter(({ o }) => filter.marketplaces.length === 0 || filter.marketplaces.includes(o.marketplace))
    .filter(({ o }) => filter.statuses.length === 0 || filter.statuses.includes(o.status))
    .filter(({ o }) => (filter.from === null || o.createdAt >= filter.from) && (filter.to === null || o.createdAt < filter.to));
  const key = (o: Order): number =>
    sort.field === 'marketplace'
      ? MARKETPLACES.indexOf(o.marketplace)
      : sort.field === 'status'
        ? ORDER_STATUSES.indexOf(o.status)
        : sort.field === 'createdAt'
          ? Math.floor(o.createdAt / 1000)
          : o[sort.field];
  rows.sort((a, b) => key(a.o) - key(b.o) || a.i - b.i);
  if (sort.dir === 'desc') rows.reverse();
  return rows.map((r) => r.i);
}

const arbOrder = fc.record({
  marketplace: fc.constantFrom(...MARKETPLACES),
  status: fc.constantFrom(...ORDER_STATUSES),
  createdAt: fc.integer({ min: 0, max: 365 }).map((d) => T0 + d * DAY + (d % 7) * 3_600_000),
  totalMinor: fc.integer({ min: 0, max: 2_000_000 }),
});

describe('orders query', () => {
  it('agrees with a naive filter-then-sort on any data, never showing superseded rows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbOrder, { maxLength: 120 }),
        fc.subarray([...MARKETPLACES]),
        fc.subarray([...ORDER_STATUSES]),
        fc.option(fc.integer({ min: 0, max: 365 })),
        fc.option(fc.integer({ min: 0, max: 365 })),
        fc.constantFrom(...SORT_FIELDS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.uniqueArray(fc.nat(119), { maxLength: 20 }),
        (patches, marketplaces, statuses, fromDay, toDay, field, dir, dead) => {
          const orders = patches.map((p) => order(p));
          const superseded = new Set(dead);
          const keys = keysOf(orders, superseded);
          const filter: OrderFilter = {
            marketplaces,
            statuses,
            from: fromDay === null ? null : T0 + fromDay * DAY,
            to: toDay === null ? null : T0 + toDay * DAY,
          };
          const sort = { field, dir };
          const got = Array.from(filterRows(keys, sortPermutation(keys, field), dir, filter, null));
          expect(got).toEqual(naive(orders, filter, sort, superseded));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('applies a search mask on top of the filter', () => {
    const orders = [order({ marketplace: 'amazon' }), order({ marketplace: 'shop' }), order({ marketplace: 'shop' })];
    const keys = keysOf(orders);
    const mask = Uint8Array.from([1, 0, 1]);
    const got = filterRows(keys, sortPermutation(keys, 'createdAt'), 'asc', { ...NO_FILTER, marketplaces: ['shop'] }, mask);
    expect(Array.from(got)).toEqual([2]);
  });

  it('sorts totals beyond the packable range by falling back to a comparator', () => {
    const orders = [order({ totalMinor: 2 ** 40 }), order({ totalMinor: 5 }), order({ totalMinor: 2 ** 35 })];
    const keys = keysOf(orders);
    expect(Array.from(sortPermutation(keys, 'totalMinor'))).toEqual([1, 2, 0]);
  });
});
