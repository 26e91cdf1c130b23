// Batches cross from the read worker to the import worker as columns: what arrives must be what a
// plain clone of the records would have given, value for value, key for key, shared lists shared.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchPacker, packBatch, packColumn, unpackBatch, unpackColumn, type PackedColumn } from '../../../shared/ingest/columnarBatch';
import type { ParsedBatch } from '../../../shared/ingest/reader';
import { parsedRecordArb } from '../team/parsedRecordArbitrary';

/** Packed, cloned as postMessage clones, unpacked. */
const across = (values: unknown[]): unknown[] => unpackColumn(structuredClone(packColumn(values)));

describe('records as columns between the read and import workers', () => {
  it('parsed records of every kind come back as a clone of them would', () => {
    fc.assert(
      fc.property(fc.array(parsedRecordArb, { maxLength: 40, size: 'max' }), (records) => {
        const batch: ParsedBatch = { records, problems: [], rowsRead: records.length, bytesRead: 1234 };
        expect(unpackBatch(structuredClone(packBatch(batch)))).toStrictEqual(structuredClone(batch));
      }),
      { numRuns: 200 },
    );
  });

  it('batches packed in parts come back as one batch: records and set-aside rows in order, the counts of the last', () => {
    const problemArb = fc.record({ file: fc.constant('f.csv'), line: fc.nat(), code: fc.constant('missing-value' as const), reason: fc.string() });
    const partArb = fc.record({
      records: fc.array(parsedRecordArb, { maxLength: 8 }),
      problems: fc.array(problemArb, { maxLength: 3 }),
      rowsRead: fc.nat(),
      bytesRead: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(fc.array(partArb, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), (batches) => {
        const packer = new BatchPacker();
        for (const parts of batches) {
          for (const part of parts) packer.add(part);
          const got = unpackBatch(structuredClone(packer.take()));
          const counts = parts.length > 0 ? parts[parts.length - 1]! : got;
          expect(got).toStrictEqual(
            structuredClone({
              records: parts.flatMap((p) => p.records),
              problems: parts.flatMap((p) => p.problems),
              rowsRead: counts.rowsRead,
              bytesRead: counts.bytesRead,
            }),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('any plain data comes back as a clone of it would: mixed types, undefined kept apart from absent, -0 and NaN', () => {
    const value = fc.anything({
      withNullPrototype: false,
      withBigInt: false,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withObjectString: false,
      withBoxedValues: false,
    });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30, size: 'max' }), (values) => {
        expect(across(values)).toStrictEqual(structuredClone(values));
      }),
      { numRuns: 300 },
    );
  });

  it('objects of many shapes, keys of any text (empty, with separators) and values of one type per key, come back as a clone would', () => {
    // Mostly one type per key, so columns are packed rather than left to the clone.
    const key = fc.string({ unit: fc.constantFrom('a', 'b', '', '\u0000', ',', '"', '1'), maxLength: 3 });
    const object = fc.dictionary(key, fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 4, size: 'max' });
    fc.assert(
      fc.property(fc.array(object, { maxLength: 40, size: 'max' }), (rows) => {
        expect(across(rows)).toStrictEqual(structuredClone(rows));
        expect((across(rows) as object[]).map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
      }),
      { numRuns: 500 },
    );
    // Two key lists that joined by a separator would read alike stay two shapes.
    const alike = [{}, { '': 1 }, { a: 1, b: 2 }, { 'a\u0000b': 3 }];
    expect(across(alike)).toStrictEqual(alike);
  });

  it('a key added to Object.prototype is not taken for a row’s own, and a getter runs once, as the clone does', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 7;
    try {
      const rows = [{ a: 1, polluted: 2 }, { a: 1 }];
      const back = across(rows) as Record<string, unknown>[];
      expect(Object.keys(back[1]!)).toEqual(['a']);
      expect(Object.hasOwn(back[1]!, 'polluted')).toBe(false);
    } finally {
      delete proto.polluted;
    }
    let reads = 0;
    const withGetter = {
      get a() {
        return ++reads;
      },
      b: 1,
    };
    expect(across([{ a: 5, c: 1 }, withGetter])).toStrictEqual([
      { a: 5, c: 1 },
      { a: 1, b: 1 },
    ]);
    expect(reads).toBe(1);
  });

  it('rows of one shape and a few others each keep their keys in order', () => {
    const rows = [{ a: 'x', b: 1 }, { a: 'y', b: 2 }, { b: 3, a: 'z' }, { a: 'w', b: 4, c: undefined }, { a: 'v' }];
    const back = across(rows) as Record<string, unknown>[];
    expect(back).toStrictEqual(rows);
    expect(back.map((r) => Object.keys(r).join())).toEqual(['a,b', 'a,b', 'b,a', 'a,b,c', 'a']);
  });

  it('a list shared by many records arrives once and is shared again; separate equal lists stay separate', () => {
    const provided = ['email', 'phone'];
    const rows = Array.from({ length: 5 }, (_, i) => ({ n: i, provided, lines: [i, i + 1] }));
    const packed = packColumn(rows);
    const back = unpackColumn(structuredClone(packed)) as typeof rows;
    expect(back).toStrictEqual(rows);
    expect(back.every((r) => r.provided === back[0]!.provided)).toBe(true);
    expect(back[0]!.lines).not.toBe(back[1]!.lines);
    const column = (packed as Extract<PackedColumn, { type: 'objects' }>).objects.columns[0]![1]!;
    expect(column.type === 'arrays' && column.ends.length).toBe(1);
  });

  it('text goes as one value, a dictionary or one string by what the column holds', () => {
    const n = 1000;
    const types = (values: string[]) => packColumn(values).type;
    expect(types(Array.from({ length: n }, () => ''))).toBe('same');
    expect(types(Array.from({ length: n }, (_, i) => ['DE', 'AT', 'CH'][i % 3]!))).toBe('dictionary');
    expect(types(Array.from({ length: n }, (_, i) => `user${i}@example.com`))).toBe('strings');
    // Few values early on, more than a dictionary holds later: still every value back.
    const late = Array.from({ length: n }, (_, i) => (i < 200 ? 'DE' : `v${i}`));
    expect(types(late)).toBe('strings');
    expect(across(late)).toEqual(late);
  });

  it('what a column cannot hold is left to the clone: holes, an own __proto__ key, mixed types', () => {
    const holes = [[1, , 3], [4]];
    expect(packColumn(holes).type).toBe('values');
    expect(across(holes)).toStrictEqual(structuredClone(holes));
    const proto = [JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as object];
    expect(packColumn(proto).type).toBe('values');
    expect(Object.keys(across(proto)[0] as object)).toEqual(['__proto__', 'a']);
    expect(packColumn(['a', 1, null]).type).toBe('values');
  });
});
