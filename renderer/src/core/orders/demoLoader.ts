// Fills an empty cache with the seeded demo year, chunk by chunk, so 1M orders never sit in
// memory at once and the UI can show progress. The chunks are made in demo workers where there
// are (demoAhead.ts), while the chunk before is written here.
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { DEMO_MAKERS, demoMakersChunks, demoChunks, type DemoChunk, type DemoRequest, type DemoWorker } from './demoAhead';
import { startDemoWorker } from './demoWorker';
import { OrderRepository } from '../storage/orderRepository';
import { MetaRepository } from '../storage/metaRepository';
import { PaymentStore } from '../storage/paymentStore';
import { DiskFullError, isDiskFull, writesTogether } from '../storage/diskFull';
import type { WorkbenchDb } from '../storage/schema';

export const DEMO_SEED = 20261124;

export async function loadDemoData(
  db: WorkbenchDb,
  opts: { orders: number; seed?: number; clock?: Clock },
  onProgress?: (written: number, total: number) => void,
  startWorker: () => DemoWorker | null = startDemoWorker,
): Promise<number> {
  const orders = new OrderRepository(db);
  if ((await orders.count()) > 0) throw new Error('The cache already holds orders; demo data loads only into an empty cache');
  const payments = new PaymentStore(db);
  const seed = opts.seed ?? DEMO_SEED;
  const clock = opts.clock ?? systemClock;
  const request: DemoRequest = { orders: opts.orders, seed, now: clock.now() };
  let written = 0;
  // The chunk being written: the next one is made while its transaction commits (the database
  // works in its own thread meanwhile); chunks still commit one after another, in order.
  let writing: Promise<void> = Promise.resolve();
  try {
    const workers: DemoWorker[] = [];
    try {
      for (let i = 0; i < DEMO_MAKERS; i++) {
        const worker = startWorker();
        if (worker) workers.push(worker);
      }
    } catch (e) {
      // A worker that cannot start does not leave the ones started running.
      for (const w of workers) w.terminate();
      throw e;
    }
    const chunks: Iterable<DemoChunk> | AsyncIterable<DemoChunk> = workers.length > 0 ? demoMakersChunks(workers, request) : demoChunks(request);
    for await (const chunk of chunks) {
      await writing;
      // One transaction per chunk: an interrupted load leaves whole chunks, never half of one.
      writing = db
        .transaction(
          'rw',
          [db.orderBlocks, db.orderText, db.orderKeys, db.orderReportColumns, db.meta, db.paymentBlocks, db.paymentKeys, db.disputes],
          async () => {
            await writesTogether([orders.appendEncoded(chunk.orders), payments.appendNew(chunk.payments), db.disputes.bulkPut(chunk.disputes)]);
          },
        )
        .then(() => {
          written += chunk.count;
          onProgress?.(written, opts.orders);
        });
      // Awaited before the next chunk or the end; a failure meanwhile is not an unhandled one.
      writing.catch(() => undefined);
    }
    await writing;
    await new MetaRepository(db).set('dataset', { kind: 'demo', orders: written, seed, loadedAt: clock.now() });
  } catch (e) {
    if (isDiskFull(e)) throw new DiskFullError({ kind: 'demo', ordersStored: written, ordersPlanned: opts.orders }, { cause: e });
    throw e;
  }
  return written;
}
