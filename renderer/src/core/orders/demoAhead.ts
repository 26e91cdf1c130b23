// Making the demo year in a worker of its own: the demo worker generates each chunk of orders,
// payments and disputes and encodes the orders into column blocks, while the thread that loads the
// demo writes the chunk before. Generating is about half of a load's work and writing the other
// half, so the two run on two cores instead of one after the other.
//
// The maker runs at most RUN_AHEAD chunks ahead of the writes (runAhead.ts).
import { generateDemo } from '../../../../shared/demo';
import type { Dispute } from '../../../../shared/domain/dispute';
import type { Payment } from '../../../../shared/domain/payment';
import { encodeAppend, ORDER_BLOCK_SIZE, type EncodedOrders } from '../storage/orderRepository';
import { serveAhead, takeAhead, type AheadWorker, type Endpoint, type FailedMessage, type TakenMessage } from '../workers/runAhead';

export interface DemoRequest {
  orders: number;
  seed: number;
  /** The clock's now: the demo year ends here. */
  now: number;
}

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
  const gen = generateDemo({ orders: request.orders, seed: request.seed, now: request.now, chunkSize: ORDER_BLOCK_SIZE });
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
