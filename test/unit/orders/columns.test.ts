import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MARKETPLACES, ORDER_STATUSES, ORDER_TEXT_FIELDS, OPTIONAL_TEXT_FIELDS, type Order, type OrderTextField } from '../../../shared/domain/order';
import { generateDemo } from '../../../shared/demo';
import { DICT_FIELDS, FIELD_SEPARATOR, cleanText, columnOffsets, decodeOrder, dictFold, encodeOrders, rowAt, textColumn } from '../../../shared/orders/columns';
import { order } from '../../support/orders';

function roundTrip(orders: ReturnType<typeof order>[]) {
  const { keys, text } = encodeOrders(orders);
  const offsets = Object.fromEntries(ORDER_TEXT_FIELDS.map((f) => [f, columnOffsets(text[f], keys.count)])) as Parameters<typeof decodeOrder>[3];
  return orders.map((_, i) => decodeOrder(keys, i, text, offsets, i));
}

describe('order column blocks', () => {
  it('round-trips every field of every order', () => {
    const orders = [
      order(),
      order({ externalId: '302-1234567-7654321', marketplace: 'amazon', status: 'fulfilled', email: '', shipStreet: 'Rue de l’Église 3' }),
      order({ externalId: '#1003', totalMinor: 0, cardLast4: '', ip: '2001:db8::1', shipName: 'Łukasz Żółć' }),
    ];
    expect(roundTrip(orders)).toEqual(orders);
  });

  it('reads blocks written before a text field existed: the new field is absent, the rest intact', () => {
    const orders = [order({ riskLevel: 'high' }), order({ externalId: '#2', email: 'b@example.org' })];
    const { keys, text } = encodeOrders(orders);
    const old: Partial<typeof text> = { ...text };
    delete old.riskLevel;
    const offsets = Object.fromEntries(ORDER_TEXT_FIELDS.map((f) => [f, columnOffsets(textColumn(old, f, keys.count), keys.count)])) as Parameters<
      typeof decodeOrder
    >[3];
    const back = orders.map((_, i) => decodeOrder(keys, i, old as typeof text, offsets, i));
    expect(back[0]).toEqual({ ...orders[0], riskLevel: undefined });
    expect(back[0]).not.toHaveProperty('riskLevel');
    expect(back[1]).toEqual(orders[1]);
    expect(roundTrip(orders)).toEqual(orders);
  });

  it('turns control characters, including the column separator, into spaces', () => {
    const [back] = roundTrip([order({ shipName: `Anna${FIELD_SEPARATOR}Schmidt\u0000`, shipStreet: 'Line 1\nLine 2' })]);
    expect(back!.shipName).toBe('Anna Schmidt ');
    // Newlines are legitimate in addresses and survive.
    expect(back!.shipStreet).toBe('Line 1\nLine 2');
  });

  it('round-trips arbitrary text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            email: fc.string({ unit: 'binary' }),
            shipName: fc.string({ unit: 'grapheme' }),
            externalId: fc.string({ minLength: 0, maxLength: 30 }),
          }),
          { maxLength: 40 },
        ),
        (patches) => {
          const orders = patches.map((p) => order(p));
          const back = roundTrip(orders);
          back.forEach((b, i) => {
            const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
            expect(b.email).toBe(clean(orders[i]!.email));
            expect(b.shipName).toBe(clean(orders[i]!.shipName));
            expect(b.externalId).toBe(clean(orders[i]!.externalId));
          });
        },
      ),
    );
  });

  it('maps a character position back to its row', () => {
    const joined = ['a', '', 'ccc', 'dd'].join(FIELD_SEPARATOR);
    const off = columnOffsets(joined, 4);
    expect(Array.from(off)).toEqual([0, 2, 3, 7, 10]);
    expect(rowAt(off, 0)).toBe(0);
    expect(rowAt(off, 3)).toBe(2);
    expect(rowAt(off, 6)).toBe(2);
    expect(rowAt(off, 7)).toBe(3);
    expect(rowAt(off, 9)).toBe(3);
  });
});

describe('keyHash', () => {
  it('is a whole number below 2^52, and 1M distinct order keys get distinct hashes', async () => {
    const { keyHash } = await import('../../../shared/orders/columns');
    const seen = new Set<number>();
    let outOfRange = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const h = keyHash(`${i % 3 === 0 ? 'amazon.de:302-' : 'shopify:#'}${i}`);
      if (!(Number.isInteger(h) && h >= 0 && h < 2 ** 52)) outOfRange++;
      seen.add(h);
    }
    expect(outOfRange).toBe(0);
    expect(seen.size).toBe(1_000_000);
    expect(keyHash('shopify:#1001')).not.toBe(keyHash('shopify:#1010'));
  });
});

/**
 * The block encoder as it was first written (a keyed read per order and field, one join to test
 * for control characters, a fold per dictionary value): the reference the faster encoder must match.
 */
function referenceEncode(orders: readonly Order[]) {
  const n = orders.length;
  const parts = Object.fromEntries(ORDER_TEXT_FIELDS.map((f) => [f, orders.map((o) => o[f] ?? '')])) as Record<OrderTextField, string[]>;
  const text = {} as Record<OrderTextField, string>;
  for (const f of ORDER_TEXT_FIELDS) {
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(parts[f].join(''))) parts[f] = parts[f].map(cleanText);
    text[f] = parts[f].join(FIELD_SEPARATOR);
  }
  const dict = Object.fromEntries(
    DICT_FIELDS.map((f) => {
      const values: string[] = [];
      const codes = new Uint16Array(n);
      parts[f].forEach((raw, i) => {
        const v = dictFold(f, raw);
        let c = values.indexOf(v);
        if (c === -1) c = values.push(v) - 1;
        codes[i] = c;
      });
      return [f, { values, codes }];
    }),
  );
  const keys = {
    count: n,
    createdAt: Float64Array.from(orders, (o) => o.createdAt),
    totalMinor: Float64Array.from(orders, (o) => o.totalMinor),
    marketplace: Uint8Array.from(orders, (o) => MARKETPLACES.indexOf(o.marketplace)),
    status: Uint8Array.from(orders, (o) => ORDER_STATUSES.indexOf(o.status)),
  };
  return { keys, text, dict };
}

describe('encodeOrders against the reference encoder', () => {
  // Text that imports and hostile files carry: control characters, the separator, case variants of dictionary values.
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('', 'EUR', 'eur', ' Eur ', 'Visa', 'VISA', 'visa', 'de', 'DE', 'card', `a${FIELD_SEPARATOR}b`, 'x\u0007', '\u007f', 'Zeile 1\nZeile 2'),
  );
  const orderArb = fc.record(
    Object.fromEntries([
      ...ORDER_TEXT_FIELDS.map((f) => [f, OPTIONAL_TEXT_FIELDS.has(f) ? fc.option(hostile, { nil: undefined }) : hostile]),
      ['marketplace', fc.constantFrom(...MARKETPLACES)],
      ['status', fc.constantFrom(...ORDER_STATUSES)],
      ['createdAt', fc.integer({ min: 0, max: 2 ** 42 })],
      ['totalMinor', fc.integer({ min: -1e9, max: 1e9 })],
    ]) as Record<string, fc.Arbitrary<unknown>>,
  ) as unknown as fc.Arbitrary<Order>;

  it('gives the same key columns, text columns and dictionaries (property)', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 30 }), (orders) => {
        // Absent optional fields stay absent, as the builders leave them.
        for (const o of orders) for (const f of ORDER_TEXT_FIELDS) if (o[f] === undefined) delete o[f];
        expect(encodeOrders(orders)).toEqual(referenceEncode(orders));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same blocks for generated demo orders', () => {
    const gen = generateDemo({ orders: 9000, seed: 11, now: Date.UTC(2026, 10, 24), chunkSize: 4500 });
    for (let step = gen.next(); !step.done; step = gen.next()) expect(encodeOrders(step.value.orders)).toEqual(referenceEncode(step.value.orders));
  });
});
