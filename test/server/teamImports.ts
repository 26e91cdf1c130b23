// Team imports as a laptop makes them, for the server tests: parsed records as NDJSON in gzip
// chunks with their SHA-256s, the declaration, and the calls that send, complete and undo one.
import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ExportReader } from '../../shared/ingest/reader';
import type { ParsedRecord } from '../../shared/ingest/records';
import { opDigestText, type ImportDeclaration, type LiveDigest } from '../../shared/team';
import { shopifyExport } from '../support/shopifyExport';
import type { Answer, Harness } from './teamServerHarness';

export interface SampleImport {
  declaration: ImportDeclaration;
  /** Each chunk as sent (gzip) and as hashed (the NDJSON text). */
  chunks: Buffer[];
  raw: Buffer[];
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A file of `chunks` chunks of `perChunk` orders; the same `file` gives the same content hash. */
export function sampleImport(
  options: { file?: string; shop?: string | null; format?: string; chunks?: number; perChunk?: number; deviceId?: string } = {},
): SampleImport {
  const file = options.file ?? randomUUID();
  const chunkCount = options.chunks ?? 2;
  const perChunk = options.perChunk ?? 3;
  const records = shopifyRecords(chunkCount * perChunk, file);
  const raw = Array.from({ length: chunkCount }, (_, c) =>
    Buffer.from(
      records
        .slice(c * perChunk, (c + 1) * perChunk)
        .map((r) => JSON.stringify(r) + '\n')
        .join(''),
    ),
  );
  const chunkHashes = raw.map((r) => sha256(r));
  return {
    declaration: {
      opId: randomUUID(),
      deviceId: options.deviceId ?? randomUUID(),
      fileName: `orders ${file.slice(0, 8)}.csv`,
      fileHash: sha256(`file ${file}`),
      format: options.format ?? 'shopify-orders',
      formatLabel: 'Shopify orders',
      orderSource: 'shopify',
      shop: options.shop === undefined ? null : options.shop,
      records: chunkCount * perChunk,
      chunkHashes,
      digest: sha256(opDigestText(chunkHashes)),
    },
    chunks: raw.map((r) => gzipSync(r)),
    raw,
  };
}

/** Orders #1000… as the app's reader parses them from a Shopify export (e-mails differ per `file`). */
export function shopifyRecords(count: number, file: string): ParsedRecord[] {
  const rows = Array.from({ length: count }, (_, n) => ({
    name: `#${1000 + n}`,
    email: `buyer${n}.${file.slice(0, 8)}@example.com`,
    total: (19.99 + n).toFixed(2),
    createdAt: '2026-11-03 10:00:00 +0100',
  }));
  const reader = new ExportReader({ fileName: 'orders.csv' });
  const bytes = new TextEncoder().encode(shopifyExport(rows));
  return [...reader.push(bytes).records, ...reader.end().records];
}

export function liveDigest(orders: number): LiveDigest {
  return { orders, cells: Buffer.from(`cells after ${orders}`).toString('base64') };
}

export const declare = (h: Harness, token: string, imp: SampleImport): Promise<Answer> => h.call('POST', '/v1/imports', token, imp.declaration);

export const putChunk = (h: Harness, token: string, imp: SampleImport, n: number, bytes = imp.chunks[n]!) =>
  h.binary('PUT', `/v1/imports/${imp.declaration.opId}/chunks/${n}`, token, bytes);

/** Declares the import and sends every chunk; throws when the server refuses either. */
export async function upload(h: Harness, token: string, imp: SampleImport): Promise<void> {
  const declared = await declare(h, token, imp);
  if (declared.status !== 201 && declared.status !== 200) throw new Error(`declare refused: ${JSON.stringify(declared.body)}`);
  for (const n of imp.chunks.keys()) {
    const sent = await putChunk(h, token, imp, n);
    if (sent.status !== 204) throw new Error(`chunk ${n} refused: ${JSON.stringify(sent.body)}`);
  }
}

export const complete = (h: Harness, token: string, opId: string, basedOn: number): Promise<Answer> =>
  h.call('POST', `/v1/imports/${opId}/complete`, token, { basedOn, liveDigest: liveDigest(basedOn + 1) });

export const undo = (h: Harness, token: string, opId: string, basedOn: number, undoOpId: string = randomUUID()): Promise<Answer> =>
  h.call('POST', `/v1/imports/${opId}/undo`, token, { basedOn, liveDigest: liveDigest(basedOn), undoOpId, deviceId: randomUUID() });

/** The team's latest place in the order. */
export async function latest(h: Harness, token: string): Promise<number> {
  return (await h.call('GET', '/v1/imports?after=0&limit=1', token)).body.latest;
}
