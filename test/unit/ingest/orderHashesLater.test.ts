// The read worker leaves orders' content hashes to the import side (ReaderOptions.orderHashesLater,
// fillOrderHashes): what the import side fills in must be, record for record, what the reader would
// have set, for every file the app reads (a different hash would make a re-import "updated").
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExportReader, fillOrderHashes, type ParsedBatch } from '../../../shared/ingest/reader';
import { zalandoExport } from '../../support/zalandoExport';

function readAll(name: string, bytes: Uint8Array, later: boolean): ParsedBatch[] {
  const reader = new ExportReader({ fileName: name, orderHashesLater: later });
  const out: ParsedBatch[] = [];
  for (let at = 0; at < bytes.length; at += 4096) out.push(reader.push(bytes.subarray(at, at + 4096)));
  out.push(reader.end());
  return out;
}

const dir = new URL('../../fixtures/imports/', import.meta.url);
const files: [string, Uint8Array][] = [
  ...readdirSync(dir)
    .filter((f) => f !== 'README.md')
    .map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(new URL(f, dir)))]),
  ['zalando-generated.csv', new TextEncoder().encode(zalandoExport(2000))],
];

describe('orders hashed by the batch taker', () => {
  it('fillOrderHashes gives every order the hash the reader gives it, and touches nothing else', () => {
    let orders = 0;
    for (const [name, bytes] of files) {
      const now = readAll(name, bytes, false);
      const later = readAll(name, bytes, true);
      const left = later.flatMap((b) => b.records).filter((r) => r.kind === 'order');
      expect(
        left.every((r) => r.hash === ''),
        name,
      ).toBe(true);
      later.forEach(fillOrderHashes);
      expect(later, name).toEqual(now);
      orders += left.length;
    }
    // The fixtures hold orders of several formats (Shopify, Amazon, Zalando), not only payments.
    expect(orders).toBeGreaterThan(2000);
  });
});
