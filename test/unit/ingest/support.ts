// Test helpers for the import core: run an import over text or bytes in chosen chunk sizes and
// collect everything it produced.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importChunks, MemoryKnownRecords, type FileSummary, type FormatPreset, type ParsedRecord, type ReaderOptions } from '../../../shared/ingest';
import type { Dispute } from '../../../shared/domain/dispute';
import { planBatchWrites, type Stamped } from '../../../shared/ingest/writePlan';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/imports');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Splits bytes into chunks of the given sizes (cycled), to exercise chunk boundaries. */
export function chunked(bytes: Uint8Array, sizes: readonly number[] = [bytes.length || 1]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]!);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

export interface ImportRun {
  summary: FileSummary;
  /** Created and updated records (companions included), in write order. */
  written: ParsedRecord[];
  known: MemoryKnownRecords;
}

export async function runImport(
  input: string | Uint8Array,
  options: Partial<ReaderOptions> = {},
  known = new MemoryKnownRecords(),
  sizes?: readonly number[],
): Promise<ImportRun> {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  const written: ParsedRecord[] = [];
  const summary = await importChunks(chunked(bytes, sizes), { fileName: 'test.csv', ...options }, known, (b) => written.push(...b.created, ...b.updated));
  return { summary, written, known };
}

/** Rows read must always equal the four buckets. */
export function bucketsAddUp(s: FileSummary): boolean {
  return s.rows === s.created + s.updated + s.unchanged + s.quarantined;
}

export function values<T = unknown>(run: ImportRun, kind: ParsedRecord['kind']): T[] {
  return run.written.filter((r) => r.kind === kind).map((r) => r.value as T);
}

/**
 * A WooCommerce orders export mapped in the wizard (WooCommerce has no built-in preset): Berlin
 * time, adjacent rows of one order grouped, the columns given.
 */
export function mappedWooOrders(mapping: Record<string, string>): FormatPreset {
  return {
    id: 'woo-orders',
    label: 'WooCommerce orders (mapped)',
    kind: 'orders',
    markerColumns: ['Order Number', 'Order Date', 'Order Total'],
    mapping: { externalId: 'Order Number', createdAt: 'Order Date', total: 'Order Total', ...mapping },
    options: { source: 'woo', marketplace: 'shop', timeZone: 'Europe/Berlin', grouping: 'adjacent' },
  };
}

/** A fixture's non-empty lines, without a BOM (CRLF or LF line ends). */
export const fixtureLines = (name: string): string[] =>
  new TextDecoder()
    .decode(fixture(name))
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');

/** A copy of a tab-separated row with some columns set by name. */
export function withCells(header: string, row: string, cells: Record<string, string>): string {
  const names = header.split('\t');
  const f = row.split('\t');
  for (const [name, value] of Object.entries(cells)) {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    f[i] = value;
  }
  return f.join('\t');
}

/**
 * Imports the files in turn into `stored`, merging disputes as the import writer does (each file an
 * import of its own); returns the store.
 */
export async function disputesImportedInTurn(
  files: readonly string[],
  stored: Map<string, Stamped<Dispute>> = new Map(),
): Promise<Map<string, Stamped<Dispute>>> {
  let importId = 0;
  for (const file of files) {
    const run = await runImport(file);
    const plan = planBatchWrites({ created: run.written, updated: [] }, ++importId, {
      payment: () => null,
      dispute: (k) => stored.get(k) ?? null,
      claim: () => null,
    });
    for (const c of plan.disputes) stored.set(c.key, c.next);
  }
  return stored;
}
