// Files imported in memory with the app's import core, for the commands that work on the records
// (`rings`, `report`): one cache across the files, so later files update earlier ones as in the app,
// except where files of one own shop disagree on an order of one number (shopClashes.ts).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Dispute } from '../../../shared/domain/dispute';
import { standingDisputes } from '../../../shared/disputes/standing';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { importChunks, MemoryKnownRecords, type ClassifiedBatch, type ParsedRecord, type ReaderOptions } from '../../../shared/ingest';
import { withDecisivePayments } from '../../../shared/ingest/writePlan';
import type { FormatChoice } from './formatChoice';
import { pathIn, type CliIo } from './io';
import { ShopClashes } from './shopClashes';

const CHUNK_BYTES = 1 << 20;

/** The in-memory cache that also keeps the records, as the app's database would. */
export class RecordsInMemory extends MemoryKnownRecords {
  readonly orders = new Map<string, Order>();
  readonly payments = new Map<string, Payment>();
  readonly disputes = new Map<string, Dispute>();

  override remember(batch: Pick<ClassifiedBatch, 'created' | 'updated'>): void {
    super.remember(batch);
    for (const r of [...batch.created, ...batch.updated]) this.keep(r);
  }

  private keep(r: ParsedRecord): void {
    // An update overwrites only the fields its file provides, like the app's repository merge.
    const merge = <T extends object>(map: Map<string, T>, value: T): void => {
      const old = map.get(r.key);
      if (!old) return void map.set(r.key, value);
      const next = { ...old } as Record<string, unknown>;
      for (const f of r.provided) next[f] = (value as Record<string, unknown>)[f];
      map.set(r.key, next as T);
    };
    if (r.kind === 'order') merge(this.orders, r.value);
    else if (r.kind === 'payment') merge(this.payments, r.value);
    else if (r.kind === 'dispute') merge(this.disputes, r.value);
    // Refund claims count in the import's buckets; no report the command line prints reads them.
  }
}

/**
 * Shop orders with the facts of the payment that speaks for each (card, IP, checkout device and
 * session, card checks), joined by the app's own rule: either spelling of the order number, the
 * succeeded payment over a failed try, only the shop the payment was imported for.
 */
export function withPaymentFacts(orders: Order[], payments: Iterable<Payment>): Order[] {
  return withDecisivePayments(orders, [...payments], 'shopify');
}

export interface ImportedRecords {
  /** With the facts of their payments folded in, as the app folds them (withPaymentFacts). */
  orders: Order[];
  payments: Payment[];
  disputes: Dispute[];
}

/**
 * Imports the files in order into one in-memory cache. An unreadable file ends the run with exit
 * code 1; a file no format reads (or that fails to read as the chosen one) ends it with exit
 * code 3 after every file's problems are on stderr: a figure over part of the data would mislead.
 * Files of one own shop that disagree on an order of one number end it with exit code 4, naming
 * the files: a figure over two shops' orders merged into one would mislead too.
 */
export async function importFiles(io: CliIo, choice: FormatChoice): Promise<ImportedRecords | number> {
  const known = new RecordsInMemory();
  const clashes = new ShopClashes(choice.sameShop);
  let failed = false;
  for (const { file, shop } of choice.files) {
    try {
      const handle = await open(pathIn(io, file), 'r');
      await handle.close();
      const options: ReaderOptions = {
        fileName: path.basename(file),
        presets: choice.presets,
        ...(choice.chosen ? { preset: choice.chosen } : {}),
        ...(shop !== undefined ? { shop } : {}),
      };
      const check = clashes.file(file, shop);
      const summary = await importChunks(createReadStream(pathIn(io, file), { highWaterMark: CHUNK_BYTES }), options, known, check.visit);
      check.end();
      for (const e of summary.errors) io.stderr(`${file}: ${e.message}\n`);
      if (summary.errors.length > 0) failed = true;
    } catch (e) {
      io.stderr(`${file}: cannot read file: ${(e as { code?: string }).code ?? String(e)}\n`);
      return 1;
    }
  }
  const refusal = clashes.refusal();
  if (refusal) {
    io.stderr(refusal);
    return 4;
  }
  if (failed) return 3;
  return {
    orders: withPaymentFacts([...known.orders.values()], known.payments.values()),
    payments: [...known.payments.values()],
    // One dispute two exports name (Stripe's payments and disputes exports) counts once, as in the app.
    disputes: standingDisputes([...known.disputes.values()]).disputes,
  };
}
