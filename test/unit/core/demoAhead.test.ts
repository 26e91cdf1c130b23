// Making the demo year in demo workers (demoAhead.ts), DEMO_MAKERS of them taking the chunks in
// turn, must store exactly what making it in the loading thread stores, never let a worker run
// more than RUN_AHEAD chunks ahead of the writes, and end every worker on every way a load ends:
// done, a worker failure, a failed write, workers that disagree on the year's end.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  DEMO_MAKERS,
  DEMO_MAKERS_DISAGREE,
  DEMO_WORKER_FAILED,
  serveDemo,
  type DemoMessage,
  type DemoRequest,
  type DemoWorker,
} from '../../../renderer/src/core/orders/demoAhead';
import { loadDemoData } from '../../../renderer/src/core/orders/demoLoader';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { MARK_ID } from '../../../renderer/src/core/storage/paymentStore';
import type { WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { freshDbs } from '../../support/freshDbs';
import { RUN_AHEAD, type Endpoint, type TakenMessage } from '../../../renderer/src/core/workers/runAhead';
import { fixedClock } from '../../../shared/time/clock';

const clock = fixedClock(Date.UTC(2026, 10, 24));
const fresh = freshDbs('demo-ahead');

interface Trace {
  posted: number;
  taken: number;
  /** Most chunks posted and not yet taken at any time. */
  mostAhead: number;
  terminated: boolean;
}
const newTrace = (): Trace => ({ posted: 0, taken: 0, mostAhead: 0, terminated: false });

/** Demo workers in this thread, one trace each, as a load starts them. */
function inThreadWorkers(make: (trace: Trace) => DemoWorker = inThreadWorker) {
  const traces: Trace[] = [];
  return {
    traces,
    start: () => {
      const trace = newTrace();
      traces.push(trace);
      return make(trace);
    },
  };
}

/** A demo worker in this thread: messages cross as between threads (structured clone, a task later), none once terminated. */
function inThreadWorker(trace: Trace, request: (r: DemoRequest) => DemoRequest = (r) => r): DemoWorker {
  let makerSide: Endpoint<TakenMessage, DemoMessage> | null = null;
  const worker: DemoWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message) {
      if (!('type' in message)) {
        makerSide = {
          onmessage: null,
          postMessage: (out) => {
            const copy = structuredClone(out);
            if (copy.type === 'chunk') trace.mostAhead = Math.max(trace.mostAhead, ++trace.posted - trace.taken);
            setTimeout(() => !trace.terminated && worker.onmessage?.({ data: copy }));
          },
        };
        void serveDemo(request(message as DemoRequest), makerSide);
        return;
      }
      trace.taken++;
      setTimeout(() => !trace.terminated && makerSide?.onmessage?.({ data: structuredClone(message) }));
    },
    terminate() {
      trace.terminated = true;
    },
  };
  return worker;
}

/** Every stored record of the tables a demo load writes (the payment index's write mark aside). */
async function stored(db: WorkbenchDb) {
  const payKeys = (await db.paymentKeys.toArray()).filter((k) => k.id !== MARK_ID);
  return {
    orderBlocks: await db.orderBlocks.toArray(),
    orderText: await db.orderText.toArray(),
    orderKeys: await db.orderKeys.toArray(),
    orderReportColumns: await db.orderReportColumns.toArray(),
    paymentBlocks: await db.paymentBlocks.toArray(),
    payKeys,
    disputes: await db.disputes.toArray(),
    dataset: await db.meta.get('dataset'),
  };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('making the demo year in a demo worker', () => {
  it('stores what making it in the loading thread stores, block for block, with the same progress', async () => {
    const here = fresh();
    const there = fresh();
    const workers = inThreadWorkers();
    const progressHere: number[] = [];
    const progressThere: number[] = [];
    const a = await loadDemoData(
      here,
      { orders: 30_000, seed: 7, clock },
      (done) => progressHere.push(done),
      () => null,
    );
    const b = await loadDemoData(there, { orders: 30_000, seed: 7, clock }, (done) => progressThere.push(done), workers.start);
    expect(b).toBe(a);
    expect(progressThere).toEqual(progressHere);
    expect(progressThere).toEqual([8192, 16384, 24576, 30000]);
    const want = await stored(here);
    expect(want.orderBlocks).toHaveLength(4);
    expect(want.disputes.length).toBeGreaterThan(0);
    expect(await stored(there)).toEqual(want);
    // Two makers, the chunks in turn: 0 and 2 from one, 1 and 3 from the other.
    expect(DEMO_MAKERS).toBe(2);
    expect(workers.traces.map((t) => t.taken)).toEqual([2, 2]);
    expect(workers.traces.every((t) => t.terminated)).toBe(true);
  });

  it('runs at most RUN_AHEAD chunks ahead of the chunks taken, however late its credit comes', async () => {
    const db = fresh();
    // Every credit reaches the maker 20 tasks after the chunk was taken, so the maker waits on it
    // often: were the rule broken it would run ahead at once (a disk slow to write cannot be staged
    // here, as a transaction must not wait on timers).
    const workers = inThreadWorkers((trace) => {
      const slow = inThreadWorker(trace);
      const deliver = slow.postMessage.bind(slow);
      slow.postMessage = (message) => {
        if (!('type' in message)) return deliver(message);
        void (async () => {
          for (let i = 0; i < 20; i++) await tick();
          deliver(message);
        })();
      };
      return slow;
    });
    await loadDemoData(db, { orders: 50_000, seed: 3, clock }, undefined, workers.start);
    // Seven chunks: four from the first maker, three from the second, each at most RUN_AHEAD ahead.
    expect(workers.traces.map((t) => t.posted)).toEqual([4, 3]);
    expect(workers.traces.map((t) => t.mostAhead)).toEqual([RUN_AHEAD, RUN_AHEAD]);
  });

  it('a worker that fails mid-year stops the load with a reason; the chunks written stay whole, and the worker ends', async () => {
    const db = fresh();
    const workers = inThreadWorkers((trace) => {
      const worker = inThreadWorker(trace);
      const deliver = worker.postMessage.bind(worker);
      // The second maker dies after its first chunk is taken (out of memory, say), mid-year.
      const dies = workers.traces.length === 2;
      worker.postMessage = (message) => {
        deliver(message);
        if (dies && 'type' in message && trace.taken === 1) setTimeout(() => worker.onerror?.({ message: 'worker crashed' }));
      };
      return worker;
    });
    await expect(loadDemoData(db, { orders: 50_000, seed: 3, clock }, undefined, workers.start)).rejects.toThrow(DEMO_WORKER_FAILED);
    expect(workers.traces.every((t) => t.terminated)).toBe(true);
    const count = await new OrderRepository(db).count();
    expect(count % 8192).toBe(0);
    expect(count).toBeGreaterThanOrEqual(8192);
    expect(count).toBeLessThan(50_000);
    expect(await db.meta.get('dataset')).toBeUndefined();
  });

  it('a write that fails ends the worker: it makes nothing more', async () => {
    const db = fresh();
    const workers = inThreadWorkers();
    await db.open();
    const add = db.orderBlocks.bulkAdd.bind(db.orderBlocks);
    let writes = 0;
    db.orderBlocks.bulkAdd = ((...args: Parameters<typeof add>) =>
      ++writes === 2 ? Promise.reject(new Error('simulated write failure')) : add(...args)) as typeof add;
    await expect(loadDemoData(db, { orders: 80_000, seed: 3, clock }, undefined, workers.start)).rejects.toThrow('simulated write failure');
    expect(workers.traces.every((t) => t.terminated)).toBe(true);
    const posted = workers.traces.map((t) => t.posted);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers.traces.map((t) => t.posted)).toEqual(posted);
    expect(posted.reduce((a, b) => a + b, 0)).toBeLessThan(10);
    expect(await new OrderRepository(db).count()).toBe(8192);
  });

  it('a first maker that fails before its first chunk ends the second, never asked for one', async () => {
    const db = fresh();
    const workers = inThreadWorkers((trace) => {
      const worker = inThreadWorker(trace);
      if (workers.traces.length === 1) {
        // The first worker's script fails to load: an error instead of serving the request.
        worker.postMessage = () => void setTimeout(() => worker.onerror?.({ message: 'script failed to load' }));
      }
      return worker;
    });
    await expect(loadDemoData(db, { orders: 50_000, seed: 3, clock }, undefined, workers.start)).rejects.toThrow(DEMO_WORKER_FAILED);
    expect(workers.traces).toHaveLength(2);
    expect(workers.traces.every((t) => t.terminated)).toBe(true);
    expect(await new OrderRepository(db).count()).toBe(0);
  });

  it('a worker that cannot start stops the load before anything is made, and the one started ends', async () => {
    const db = fresh();
    const workers = inThreadWorkers();
    const start = () => {
      if (workers.traces.length === 1) throw new Error('simulated worker start failure');
      return workers.start();
    };
    await expect(loadDemoData(db, { orders: 20_000, seed: 3, clock }, undefined, start)).rejects.toThrow('simulated worker start failure');
    expect(workers.traces).toHaveLength(1);
    expect(workers.traces[0]).toMatchObject({ posted: 0, terminated: true });
    expect(await new OrderRepository(db).count()).toBe(0);
  });

  it('makers that disagree on where the year ends stop the load with a reason, not a shorter year', async () => {
    const db = fresh();
    // The second maker is asked for a shorter year: a year of other chunks, whose share ends early.
    const workers = inThreadWorkers((trace) => inThreadWorker(trace, (r) => (r.part?.index === 1 ? { ...r, orders: r.orders - 2 * 8192 } : r)));
    await expect(loadDemoData(db, { orders: 60_000, seed: 3, clock }, undefined, workers.start)).rejects.toThrow(DEMO_MAKERS_DISAGREE);
    expect(workers.traces.every((t) => t.terminated)).toBe(true);
    expect(await db.meta.get('dataset')).toBeUndefined();
  });
});
