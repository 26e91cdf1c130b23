// The import's index of stored orders, kept in typed arrays: it must answer exactly as a map of
// locations would, through overwrites, deletes and growth past its first arrays.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OrderKeyIndex, type OrderLocation } from '../../../renderer/src/core/storage/orderKeyIndex';

type Op = { kind: 'set' | 'add'; key: string; at: OrderLocation } | { kind: 'delete'; key: string };

const SCOPES = ['order/3f9a1b2c4d5e', 'order/aa00bb11cc22', ''];

describe('OrderKeyIndex', () => {
  it('answers like a map of locations (property)', () => {
    const key = fc.integer({ min: 0, max: 3000 }).map((i) => `shopify:#${i}`);
    const op: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 9,
        arbitrary: fc.record({
          // add is for keys the index does not hold (a created order); on a held key it must still answer as set.
          kind: fc.constantFrom('set' as const, 'add' as const),
          key,
          at: fc.record({
            blockId: fc.integer({ min: 1, max: 2 ** 40 }),
            row: fc.integer({ min: 0, max: 8191 }),
            scope: fc.constantFrom(...SCOPES),
            hash: fc.stringMatching(/^[0-9a-f]{16}$/),
          }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), key }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2500 }), (ops) => {
        const index = new OrderKeyIndex();
        const model = new Map<string, OrderLocation>();
        for (const o of ops) {
          if (o.kind === 'set') {
            index.set(o.key, o.at);
            model.set(o.key, o.at);
          } else if (o.kind === 'add') {
            index.add(o.key, o.at.blockId, o.at.row, o.at.scope, o.at.hash);
            model.set(o.key, o.at);
          } else {
            index.delete(o.key);
            model.delete(o.key);
          }
        }
        expect(index.size).toBe(model.size);
        for (let i = 0; i <= 3000; i += 7) {
          const k = `shopify:#${i}`;
          const want = model.get(k);
          expect(index.get(k)).toEqual(want);
          expect(index.has(k)).toBe(want !== undefined);
          for (const scope of SCOPES) {
            expect(index.bucket(k, scope, want?.hash ?? 'ffffffffffffffff')).toBe(!want ? 'created' : want.scope === scope ? 'unchanged' : 'updated');
            if (want) expect(index.bucket(k, scope, 'not a hash')).toBe('updated');
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
