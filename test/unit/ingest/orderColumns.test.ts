// Order values sent as columns (orderColumns.ts) must be exactly the orders they were made from:
// unpacked, hashed and encoded into blocks, the same as the orders themselves give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKETPLACES, ORDER_STATUSES, ORDER_TEXT_FIELDS, OPTIONAL_TEXT_FIELDS, type Order } from '../../../shared/domain/order';
import { hashFields } from '../../../shared/ingest/contentHash';
import {
  concatOrderValues,
  encodeOrderValues,
  hashOrderValues,
  packOrderValues,
  READ_TEXT_ORDER,
  sliceOrderValues,
  unpackOrderValues,
} from '../../../shared/ingest/orderColumns';
import { ORDER_HASH_FIELDS, type ParsedRecord } from '../../../shared/ingest/records';
import { materialiseOrders, packOrderRecords, unpackBatchDeferred } from '../../../shared/ingest/columnarBatch';
import { encodeOrders } from '../../../shared/orders/columns';
import { encodeAppend, encodeAppendValues, ORDER_BLOCK_SIZE } from '../../../renderer/src/core/storage/orderRepository';

const REQUIRED = ORDER_TEXT_FIELDS.filter((f) => !OPTIONAL_TEXT_FIELDS.has(f));
const OPTIONAL = ORDER_TEXT_FIELDS.filter((f) => OPTIONAL_TEXT_FIELDS.has(f));

/** Text as imports make it, with the odd control character, surrogate pair and empty value. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'DE', 'EUR', 'visa', 'Müller-Lüdenscheidt', '😀 x', 'a\u0001b', '\t', 'line\nbreak', '\u007f'),
);
const number = fc.oneof(
  fc.integer({ min: -1e12, max: 4e12 }),
  fc.constantFrom(0, -0, 1.5, -2.25, NaN, Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e21),
);

/** An order with its keys in a random order, the optional fields present or not. */
const order: fc.Arbitrary<Order> = fc
  .record({
    required: fc.tuple(...REQUIRED.map(() => text)),
    optional: fc.tuple(...OPTIONAL.map(() => fc.option(text, { nil: undefined }))),
    marketplace: fc.constantFrom(...MARKETPLACES),
    status: fc.constantFrom(...ORDER_STATUSES),
    createdAt: number,
    totalMinor: number,
    order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  })
  .map((r) => {
    const entries: [string, unknown][] = [
      ...REQUIRED.map((f, i) => [f, r.required[i]] as [string, unknown]),
      ...OPTIONAL.flatMap((f, i) => (r.optional[i] === undefined ? [] : [[f, r.optional[i]] as [string, unknown]])),
      ['marketplace', r.marketplace],
      ['status', r.status],
      ['createdAt', r.createdAt],
      ['totalMinor', r.totalMinor],
    ];
    // A few key orders, as builders of different formats write them.
    const keyed = entries.map((e, i) => ({ e, k: (r.order[i % 40]! % 3) * 100 + i })).sort((a, b) => a.k - b.k);
    return Object.fromEntries(keyed.map((x) => x.e)) as unknown as Order;
  });

/** Orders as an import reads them: values without the separator (the reader sets such rows aside). */
const orders = fc
  .array(order, { minLength: 0, maxLength: 40 })
  .filter((os) => !os.some((o) => Object.values(o).some((v) => typeof v === 'string' && v.includes('\u001f'))));

const providedLists = fc.array(
  fc.subarray([...ORDER_HASH_FIELDS, 'notAField', 'toString'] as string[]).chain((fields) => fc.shuffledSubarray(fields, { minLength: fields.length })),
  { minLength: 1, maxLength: 3 },
);

describe('order values as columns', () => {
  it('unpack to the orders packed: same keys in the same order, same values', () => {
    fc.assert(
      fc.property(orders, (os) => {
        const packed = packOrderValues(os)!;
        expect(packed).not.toBeNull();
        const back = unpackOrderValues(structuredClone(packed));
        expect(back.map((o) => Object.keys(o))).toEqual(os.map((o) => Object.keys(o)));
        expect(back).toEqual(os);
        // -0 and NaN come back as they went.
        back.forEach((o, i) => {
          expect(Object.is(o.createdAt, os[i]!.createdAt)).toBe(true);
          expect(Object.is(o.totalMinor, os[i]!.totalMinor)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('hash as hashFields hashes each order, whatever field list each one has', () => {
    fc.assert(
      fc.property(orders, providedLists, fc.array(fc.nat(), { maxLength: 40 }), (os, lists, pick) => {
        const providedOf = (i: number) => lists[(pick[i] ?? 0) % lists.length]!;
        const hashes = hashOrderValues(packOrderValues(os)!, providedOf);
        expect(hashes).toEqual(os.map((o, i) => hashFields(o, providedOf(i))));
      }),
      { numRuns: 300 },
    );
  });

  it('encode into the block columns the orders encode into, control characters cleaned alike', () => {
    fc.assert(
      fc.property(
        orders.filter((os) => os.length > 0),
        (os) => {
          const columns = encodeOrderValues(packOrderValues(os)!);
          const objects = encodeOrders(os);
          expect(columns).toEqual(objects);
          // Key for key, as the cache stores the record.
          expect(Object.keys(columns.dict)).toEqual(Object.keys(objects.dict));
          expect(Object.keys(columns.text)).toEqual(Object.keys(objects.text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('slices and joins as the orders would pack alone', () => {
    fc.assert(
      fc.property(orders, orders, fc.nat(), fc.nat(), (a, b, x, y) => {
        const all = [...a, ...b];
        const joined = concatOrderValues([packOrderValues(a)!, packOrderValues([])!, packOrderValues(b)!]);
        expect(unpackOrderValues(joined)).toEqual(all);
        const from = all.length === 0 ? 0 : x % all.length;
        const to = from + (all.length === 0 ? 0 : y % (all.length - from + 1));
        expect(unpackOrderValues(sliceOrderValues(joined, from, to))).toEqual(all.slice(from, to));
      }),
      { numRuns: 200 },
    );
  });

  it('become the same blocks as the orders, past one block of them', () => {
    const os = fc.sample(order, { numRuns: ORDER_BLOCK_SIZE + 700, seed: 7 }).map((o, i) => ({ ...o, externalId: `#${i}` }));
    const clean = os.filter((o) => !Object.values(o).some((v) => typeof v === 'string' && v.includes('\u001f')));
    const keys = clean.map((o) => `shop:${o.externalId}`);
    const stamps = clean.map((_, i) => ({ scope: `order/${i % 3}`, hash: `h${i}` }));
    const packed = concatOrderValues([packOrderValues(clean.slice(0, 5000))!, packOrderValues(clean.slice(5000))!]);
    const encoded = encodeAppendValues(packed, 4, stamps, keys);
    expect(encoded.blocks.map((b) => b.count)).toEqual([ORDER_BLOCK_SIZE, clean.length - ORDER_BLOCK_SIZE]);
    expect(encoded).toEqual(encodeAppend(clean, 4, stamps, keys));
  });

  it('read every text field of an order, in the order blocks keep them', () => {
    expect(READ_TEXT_ORDER).toBe(ORDER_TEXT_FIELDS.join(','));
  });

  it('are not made of anything but orders they hold exactly', () => {
    const base = fc.sample(order, { numRuns: 1, seed: 3 })[0]!;
    const refused: unknown[] = [
      { ...base, extra: 'x' },
      { ...base, email: 42 },
      { ...base, createdAt: '2026-01-01' },
      { ...base, marketplace: 'ebay' },
      { ...base, status: undefined },
      { ...base, shipName: 'a\u001fb' },
      { ...base, cvcCheck: undefined },
      { ...base, toString: 'x' },
      { ...base, constructor: 'x' },
      (({ createdAt: _c, ...rest }) => rest)(base),
      Object.assign(Object.create({ inherited: 1 }) as object, base),
      null,
      'order',
    ];
    for (const bad of refused) expect(packOrderValues([base, bad])).toBeNull();
    expect(packOrderValues([base, { ...base }])).not.toBeNull();
  });
});

describe('order records whose values stay columns', () => {
  it('are hashed from the columns, throw on a value read too early, and unpack to the records sent', () => {
    const values = fc.sample(order, { numRuns: 30, seed: 5 }).filter((o) => !Object.values(o).some((v) => typeof v === 'string' && v.includes('\u001f')));
    const provided = ['externalId', 'email', 'createdAt', 'cvcCheck'];
    const records: ParsedRecord[] = values.map((value, i) => ({
      kind: 'order',
      key: `shop:${i}`,
      value,
      hash: '',
      scope: 'order/x',
      provided,
      line: i + 2,
      lines: null,
      rows: 1,
    }));
    const packed = packOrderRecords(records)!;
    expect(packed.type).toBe('orders');
    const batch = unpackBatchDeferred(structuredClone({ records: [packed], problems: [], rowsRead: records.length, bytesRead: 1 }));
    expect(batch.records.map((r) => r.hash)).toEqual(values.map((v) => hashFields(v, provided)));
    expect(() => (batch.records[0]!.value as { email: string }).email).toThrow(/before its values were unpacked/);
    expect(() => JSON.stringify(batch.records[0])).toThrow(/before its values were unpacked/);
    materialiseOrders(batch.deferred);
    expect(batch.records.map((r) => r.value)).toEqual(values);
    expect(batch.records.map((r) => Object.keys(r))).toEqual(records.map((r) => Object.keys(r)));
  });
});
