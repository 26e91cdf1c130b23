// The local cache's schema. Every version ever shipped stays listed here with its upgrade,
// so a laptop that skipped releases still migrates step by step (see test/unit/db).
import { Dexie, type EntityTable } from 'dexie';
import type { OrderKeyColumns, OrderTextColumns } from '../../../shared/orders/columns';
import type { Payment } from '../../../shared/domain/payment';
import type { Dispute } from '../../../shared/domain/dispute';

export const DB_NAME = 'fraud-workbench';

/**
 * Orders are stored in blocks of up to ORDER_BLOCK_SIZE rows, column-wise: one record of
 * compact key columns (dates, totals, channel, status) that loads for all orders at start,
 * and one record of text columns per block that loads on demand. One record per order
 * would cap a 1M-order cache at ~16k rows/s on write and seconds on every open.
 */
export interface OrderBlockRecord extends OrderKeyColumns {
  id: number;
  minCreatedAt: number;
  maxCreatedAt: number;
}
export interface OrderTextRecord {
  id: number;
  columns: OrderTextColumns;
}
export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

/** Append-only history of the schema. Never edit a shipped entry; add a new one. */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      orderBlocks: 'id, minCreatedAt, maxCreatedAt',
      orderText: 'id',
      payments: 'id, orderRef, cardFingerprint, createdAt',
      disputes: 'id, orderKey, paymentId, dueAt, status, openedAt',
      meta: 'key',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

export type WorkbenchDb = Dexie & {
  orderBlocks: EntityTable<OrderBlockRecord, 'id'>;
  orderText: EntityTable<OrderTextRecord, 'id'>;
  payments: EntityTable<Payment, 'id'>;
  disputes: EntityTable<Dispute, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

/** Opens the cache declaring the schema history up to `uptoVersion` (tests pass older ones). */
export function createDb(name = DB_NAME, uptoVersion = CURRENT_VERSION): WorkbenchDb {
  const db = new Dexie(name) as WorkbenchDb;
  for (const v of SCHEMA_HISTORY) {
    if (v.version > uptoVersion) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}
