// The four buckets: every row in exactly one, decided by content hash against what the cache
// holds, per scope (the set of fields a file fills), with second versions inside a file set aside.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { ImportSession, MemoryKnownRecords, type KnownRecords, type ParsedBatch, type ParsedRecord } from '../../../shared/ingest';

const ORDER = { externalId: '#1', source: 's', marketplace: 'shop', status: 'paid', createdAt: 0, totalMinor: 100 } as unknown as Order;

function rec(key: string, hash: string, line: number, extra: Partial<ParsedRecord> = {}): ParsedRecord {
  return { kind: 'order', key, value: ORDER, hash, scope: 'order/a', provided: [], line, lines: null, rows: 1, ...extra } as ParsedRecord;
}

const batch = (records: ParsedRecord[], problems: ParsedBatch['problems'] = []): ParsedBatch => ({ records, problems, rowsRead: 0, bytesRead: 0 });

describe('ImportSession', () => {
  it('created, then unchanged, then updated when the content changes', () => {
    const known = new MemoryKnownRecords();
    const first = new ImportSession('f');
    const a = first.classify(batch([rec('s:1', 'h1', 2), rec('s:2', 'h2', 3, { rows: 3, lines: [3, 4, 5] })]), known);
    known.remember(a);
    expect(first.counts.rows).toEqual({ created: 4, updated: 0, unchanged: 0, quarantined: 0 });
    expect(first.counts.records.order).toEqual({ created: 2, updated: 0, unchanged: 0 });

    const second = new ImportSession('f');
    const b = second.classify(batch([rec('s:1', 'h1', 2), rec('s:2', 'CHANGED', 3, { rows: 3, lines: [3, 4, 5] })]), known);
    expect(second.counts.rows).toEqual({ created: 0, updated: 3, unchanged: 1, quarantined: 0 });
    expect(b.updated.map((r) => r.key)).toEqual(['s:2']);
    expect(b.created).toEqual([]);
  });

  it('a record known only through another scope is updated, then unchanged in its own scope', () => {
    const known = new MemoryKnownRecords();
    known.remember({ created: [rec('s:1', 'h1', 2, { scope: 'order/all-orders' })], updated: [] });
    const s1 = new ImportSession('f');
    const r1 = s1.classify(batch([rec('s:1', 'h9', 2, { scope: 'order/unshipped' })]), known);
    expect(r1.updated).toHaveLength(1);
    known.remember(r1);
    const s2 = new ImportSession('f');
    s2.classify(batch([rec('s:1', 'h9', 2, { scope: 'order/unshipped' })]), known);
    s2.classify(batch([rec('s:1', 'h1', 9, { scope: 'order/all-orders', kind: 'payment' } as Partial<ParsedRecord>)]), known);
    expect(s2.counts.rows).toEqual({ created: 1, updated: 0, unchanged: 1, quarantined: 0 });
  });

  it('inside one file: a repeat with the same content is unchanged, a different one is set aside on every row', () => {
    const s = new ImportSession('f.csv');
    const out = s.classify(batch([rec('s:1', 'h1', 2), rec('s:1', 'h1', 3), rec('s:1', 'h2', 4, { rows: 2, lines: [4, 5] })]), new MemoryKnownRecords());
    expect(s.counts.rows).toEqual({ created: 1, updated: 0, unchanged: 1, quarantined: 2 });
    expect(out.quarantined.map((p) => [p.line, p.code])).toEqual([
      [4, 'duplicate-key'],
      [5, 'duplicate-key'],
    ]);
    expect(out.quarantined[0]!.reason).toBe(
      "this order was already read at line 2 with different content; a file must hold one version of each order, with an order's rows next to each other",
    );
  });

  it('the same key in another kind is another record', () => {
    const s = new ImportSession('f');
    s.classify(batch([rec('x', 'h1', 2), rec('x', 'h2', 3, { kind: 'payment' } as Partial<ParsedRecord>)]), new MemoryKnownRecords());
    expect(s.counts.rows.created).toBe(2);
  });

  it('row problems from the reader count as quarantined, one per row', () => {
    const s = new ImportSession('f');
    const out = s.classify(batch([], [{ file: 'f', line: 7, code: 'ragged', reason: 'r' }]), new MemoryKnownRecords());
    expect(out.quarantined).toHaveLength(1);
    expect(s.counts.rows.quarantined).toBe(1);
  });

  it('a carried record (dispute on a payment row) makes an unchanged row count as updated when it changes', () => {
    const known = new MemoryKnownRecords();
    const dispute = (hash: string) => rec('ch_1/dispute', hash, 2, { kind: 'dispute', rows: 0 } as Partial<ParsedRecord>);
    const payment = (dh: string) => rec('ch_1', 'p1', 2, { kind: 'payment', companions: [dispute(dh)] } as Partial<ParsedRecord>);
    const s1 = new ImportSession('f');
    known.remember(s1.classify(batch([payment('d1')]), known));
    expect(s1.counts.rows).toEqual({ created: 1, updated: 0, unchanged: 0, quarantined: 0 });
    expect(s1.counts.records.dispute.created).toBe(1);
    const s2 = new ImportSession('f');
    const out = s2.classify(batch([payment('d2')]), known);
    expect(s2.counts.rows).toEqual({ created: 0, updated: 1, unchanged: 0, quarantined: 0 });
    expect(out.updated.map((r) => r.kind)).toEqual(['dispute']);
  });

  it('asks the cache through the injected interface only', () => {
    const asked: string[] = [];
    const known: KnownRecords = {
      bucket: (kind, key, scope, hash) => (asked.push(`${kind} ${key} ${scope} ${hash}`), key === 's:1' ? 'unchanged' : key === 's:2' ? 'updated' : 'created'),
      has: () => {
        throw new Error('only records that may only add to a stored one ask whether it is stored');
      },
    };
    const s = new ImportSession('f');
    const out = s.classify(batch([rec('s:1', 'h1', 2), rec('s:2', 'h2', 3), rec('s:3', 'h3', 4)]), known);
    expect(asked).toEqual(['order s:1 order/a h1', 'order s:2 order/a h2', 'order s:3 order/a h3']);
    expect(s.counts.rows).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect([out.created.map((r) => r.key), out.updated.map((r) => r.key)]).toEqual([['s:3'], ['s:2']]);
  });
});
