// Making the demo year in workers of its own: each demo worker generates chunks of orders,
// payments and disputes and encodes the orders into column blocks, while the thread that loads the
// demo writes the chunk before. Making is two thirds of a load's work: one maker kept the writer
// waiting, so DEMO_MAKERS share the year, chunk by chunk in turn (generateDemoPart).
//
// Each maker runs at most RUN_AHEAD chunks ahead of the writes (runAhead.ts).
import { generateDemo, generateDemoPart, type DemoPart } from '../../../../shared/demo';
import type { Dispute } from '../../../../shared/domain/dispute';
import type { Payment } from '../../../../shared/domain/payment';
import { encodeAppend, ORDER_BLOCK_SIZE, type EncodedOrders } from '../storage/orderRepository';
import { serveAhead, takeAhead, type AheadWorker, type Endpoint, type FailedMessage, type TakenMessage } from '../workers/runAhead';

export interface DemoRequest {
  orders: number;
  seed: number;
  /** The clock's now: the demo year ends here. */
  now: number;
  /** The share of the year's chunks this maker makes; all of them when absent. */
  part?: DemoPart;
}

/** Demo workers that share the making of a year. */
export const DEMO_MAKERS = 2;

/** One chunk of the demo year, its orders already encoded as the blocks the cache stores. */
export interface DemoChunk {
  /** Orders in the chunk. */
  count: number;
  orders: EncodedOrders;
  payments: Payment[];
  disputes: Dispute[];
}

/** What the demo worker says: a chunk, the end of the year, or why it stopped. */
export type DemoMessage = { type: 'chunk'; chunk: DemoChunk } | { type: 'done' } | FailedMessage;

/** The demo year's chunks, made in this thread: what the demo worker makes and posts. */
export function* demoChunks(request: DemoRequest): Generator<DemoChunk> {
  // One chunk is one order block: the load writes whole blocks, never a part of one.
  const options = { orders: request.orders, seed: request.seed, now: request.now, chunkSize: ORDER_BLOCK_SIZE };
  const gen = request.part ? generateDemoPart(options, request.part) : generateDemo(options);
  for (let step = gen.next(); !step.done; step = gen.next()) {
    const { orders, payments, disputes } = step.value;
    yield { count: orders.length, orders: encodeAppend(orders), payments, disputes };
  }
}

/** The demo worker's side: makes the year's chunks, posting each, RUN_AHEAD at most untaken. */
export async function serveDemo(request: DemoRequest, port: Endpoint<TakenMessage, DemoMessage>): Promise<void> {
  return serveAhead(port, async (send) => {
    for (const chunk of demoChunks(request)) await send({ type: 'chunk', chunk });
    await send({ type: 'done' });
  });
}

/** A worker that makes the demo year (demo.worker.ts), as the loading side starts and stops it. */
export type DemoWorker = AheadWorker<DemoMessage, DemoRequest | TakenMessage>;

/** Why a demo load stops when its worker fails outside the making (a packaging or memory fault). */
export const DEMO_WORKER_FAILED = 'The demo data could not be made: its worker stopped';

/**
 * The chunks `worker` makes, in order, as demoChunks gives them. The worker is ended when the year
 * is made, when it fails, and when the loading side stops taking chunks (a failed write).
 */
export async function* demoAheadChunks(worker: DemoWorker, request: DemoRequest): AsyncGenerator<DemoChunk> {
  const done = (message: DemoMessage): message is { type: 'done' } => message.type === 'done';
  for await (const message of takeAhead(worker, request, DEMO_WORKER_FAILED, done)) yield message.chunk;
}

/**
 * The year's chunks in order, made by `workers` in turn: worker i makes chunks i, i + n, i + 2n, …
 * (n workers), each running ahead on its own. Each chunk must be the one due (a whole block, the
 * last one the rest of the year) and every worker must end with the year: anything else is a
 * fault that stops the load, never a shorter or longer year. Every worker is ended however the
 * taking ends.
 */
export async function* demoMakersChunks(workers: readonly DemoWorker[], request: DemoRequest): AsyncGenerator<DemoChunk> {
  const of = workers.length;
  const makers = workers.map((worker, index) => demoAheadChunks(worker, { ...request, part: { index, of } }));
  const orders = Math.floor(request.orders);
  try {
    for (let n = 0; n * ORDER_BLOCK_SIZE < orders; n++) {
      const next = await makers[n % of]!.next();
      if (next.done || next.value.count !== Math.min(ORDER_BLOCK_SIZE, orders - n * ORDER_BLOCK_SIZE)) throw new Error(DEMO_MAKERS_DISAGREE);
      yield next.value;
    }
    for (const maker of makers) if (!(await maker.next()).done) throw new Error(DEMO_MAKERS_DISAGREE);
  } finally {
    await Promise.all(makers.map((m) => m.return(undefined)));
    // A maker never asked for a chunk never started its taking, so nothing above ended its worker.
    for (const worker of workers) worker.terminate();
  }
}

/** Why a load stops when the makers' chunks are not the year's, in turn (a fault). */
export const DEMO_MAKERS_DISAGREE = 'The demo data could not be made: its workers made chunks that are not the year, in turn';
