// A small cache with something in every kind of table, and a dump of a whole cache to compare
// before and after: "nothing changed" is asserted on every table, typed arrays included.
import { PaymentStore } from '../../renderer/src/core/storage/paymentStore';
import { encodeRecord } from '../../shared/backup/records';
import { writeContainer, type BackupManifest } from '../../shared/backup/container';
import { DecisionLog } from '../../renderer/src/core/storage/decisionLog';
import { OrderRepository } from '../../renderer/src/core/storage/orderRepository';
import { afterEach } from 'vitest';
import { createDb, type ImportRecord, type WorkbenchDb } from '../../renderer/src/core/storage/schema';
import { TABLE_NAMES } from '../../renderer/src/core/backup/tableSchemas';
import { runningImport as startedImport } from '../../renderer/src/core/imports/importHistory';
import type { DecisionInput } from '../../shared/decisions/chain';
import { order } from './orders';

export const PASSPHRASE = 'correct horse battery staple';
/** Key derivation this cheap only in tests; real backups use the container's default. */
export const TEST_ITERATIONS = 1_000;

export function decisionInput(i: number, patch: Partial<DecisionInput> = {}): DecisionInput {
  return {
    orderKey: `shopify:#${1000 + i}`,
    decision: i % 2 ? 'release' : 'hold',
    reasonCode: i % 2 ? '' : 'FRAUD-RING',
    note: i % 3 ? '' : `called the customer (${i})`,
    analyst: 'K. Weber',
    at: Date.UTC(2026, 10, 18, 9, i),
    score: 50 + i,
    matrixVersion: 1,
    undoes: null,
    ...patch,
  };
}

/** Orders, a payment, a dispute, a dispute change, a ring verdict, settings and `decisions` log entries. */
export async function fillCache(name: string, decisions = 3, orders = 300): Promise<WorkbenchDb> {
  const db = createDb(name);
  await new OrderRepository(db).append(
    Array.from({ length: orders }, (_, i) => order({ externalId: `#${1000 + i}`, createdAt: Date.UTC(2026, 9, 1) + i * 60_000, totalMinor: 1000 + i })),
  );
  await new PaymentStore(db).put([
    {
      id: 'ch_1',
      provider: 'stripe',
      orderRef: '#1001',
      createdAt: Date.UTC(2026, 9, 1),
      amountMinor: 1001,
      currency: 'EUR',
      status: 'succeeded',
      email: 'anna@example.de',
      ip: '203.0.113.1',
      cardBin: '42424242',
      cardLast4: '4242',
      cardExpiry: '03/27',
      cardFingerprint: 'fp',
      cardBrand: 'visa',
      cardCountry: 'DE',
    },
  ]);
  await db.disputes.put({
    id: 'dp_1',
    provider: 'stripe',
    paymentId: 'ch_1',
    orderKey: 'shopify:#1001',
    network: 'visa',
    reasonCode: '10.4',
    amountMinor: 1001,
    currency: 'EUR',
    openedAt: Date.UTC(2026, 9, 20),
    dueAt: Date.UTC(2026, 10, 10),
    status: 'new',
  });
  await db.disputeEvents.add({ disputeId: 'dp_1', kind: 'status', status: 'gathering_evidence', note: '', analyst: 'K. Weber', at: Date.UTC(2026, 9, 21) });
  await db.ringMarks.add({
    ringId: 'ring:shopify:#1001',
    status: 'confirmed-fraud',
    orderKeys: ['shopify:#1001', 'shopify:#1002'],
    note: 'same device',
    analyst: 'K. Weber',
    createdAt: Date.UTC(2026, 9, 22),
  });
  await db.meta.put({ key: 'analystName', value: 'K. Weber' });
  const log = new DecisionLog(db);
  for (let i = 0; i < decisions; i++) await log.append(decisionInput(i));
  return db;
}

/** Every table of a cache as text, so two states compare exactly. */
export async function dump(db: WorkbenchDb): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of TABLE_NAMES) out[name] = (await db.table(name).toArray()).map(encodeRecord);
  return out;
}

/** A container with whatever tables and header the test wants (a hostile file made with the right passphrase). */
export async function craftContainer(
  tables: [string, unknown[]][],
  manifest: Partial<BackupManifest> & Pick<BackupManifest, 'schemaVersion'>,
  opts: { end?: boolean; rowsOverride?: Record<string, number> } = {},
): Promise<Blob> {
  const enc = new TextEncoder();
  async function* body(): AsyncGenerator<Uint8Array> {
    yield enc.encode(encodeRecord({ kind: 'start', schemaVersion: manifest.schemaVersion }) + '\n');
    const { TableHash } = await import('../../shared/backup/tableHash');
    const listed: { name: string; rows: number; sha256: string }[] = [];
    for (const [name, rows] of tables) {
      yield enc.encode(encodeRecord({ kind: 'table', name, rows: opts.rowsOverride?.[name] ?? rows.length }) + '\n');
      const h = new TableHash();
      for (const r of rows) {
        const line = encodeRecord(r);
        await h.addLine(enc.encode(line));
        yield enc.encode(line + '\n');
      }
      listed.push({ name, rows: rows.length, sha256: await h.hex() });
    }
    if (opts.end !== false) yield enc.encode(encodeRecord({ kind: 'end', tables: listed }) + '\n');
  }
  return writeContainer({
    manifest: {
      app: { name: 'Fraud Workbench', version: 'test' },
      createdAt: Date.UTC(2026, 10, 18),
      createdBy: 'K. Weber',
      counts: {},
      tables: tables.map(([name, rows]) => ({ name, rows: rows.length })),
      logHead: { seq: 0, hash: '0'.repeat(64) },
      files: [],
      ...manifest,
    },
    passphrase: PASSPHRASE,
    iterations: TEST_ITERATIONS,
    body: body(),
  });
}

/** The tables of a cache as a backup would list them. */
export async function tablesOf(db: WorkbenchDb): Promise<[string, unknown[]][]> {
  const out: [string, unknown[]][] = [];
  for (const name of TABLE_NAMES) out.push([name, await db.table(name).toArray()]);
  return out;
}

export { createDb };

/** Caches a test opens, closed and deleted after each test: push every one opened. */
export function deletedAfterEach(): WorkbenchDb[] {
  const opened: WorkbenchDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return opened;
}

/** An import history row of an import still running (another window's, or one a crash cut off). */
export function runningImport(fields: Partial<ImportRecord> = {}): ImportRecord {
  return { ...startedImport({ name: 'big.csv', size: 1 }, 1), ...fields };
}
