// What every room of the core shares: the database, the clock, the open order store and the
// services that more than one room reads (rings feed review, disputes and reports).
import type { Clock } from '../../../shared/time/clock';
import { DecisionLog } from './storage/decisionLog';
import { MetaRepository } from './storage/metaRepository';
import { OrderStore } from './storage/orderStore';
import { moveRetiredPayments } from './storage/paymentStore';
import type { WorkbenchDb } from './storage/schema';
import { RingService } from './rings/ringService';

export interface CoreContext {
  readonly db: WorkbenchDb;
  readonly clock: Clock;
  readonly store: OrderStore;
  readonly meta: MetaRepository;
  readonly log: DecisionLog;
  readonly rings: RingService;
  /** Resolves once the order store is open (the first call opens it). */
  ready(): Promise<number>;
  /** Re-reads the order store after something else changed the cache. */
  reopen(): Promise<void>;
}

export function createContext(db: WorkbenchDb, clock: Clock): CoreContext {
  const store = new OrderStore(db);
  const rings = new RingService(db, store, clock);
  let opened: Promise<number> | null = null;
  return {
    db,
    clock,
    store,
    meta: new MetaRepository(db),
    log: new DecisionLog(db),
    rings,
    // Payments a rolled-back release wrote into the retired table come into blocks before anything reads them.
    ready: () => (opened ??= moveRetiredPayments(db).then(() => store.open())),
    async reopen() {
      opened = store.open();
      await opened;
      // An import only added blocks: the key index takes their keys now, in the background, and
      // the cache keeps it, so the next Rings visit (or app start) normalises nothing.
      void rings.refresh();
    },
  };
}

/** Progress of a long job, as a callback that can cross into the worker. */
export type ProgressFn = (done: number, total: number) => void;
