// A pulled team import's redacted lines are taken only from an erasure on request this laptop
// holds (a teammate's, pulled; or its own) whose register reaches the record: a server cannot
// blank an order's e-mail, card, IP and device on its own say.
import 'fake-indexeddb/auto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { teamOpSource } from '../../../renderer/src/core/team/teamOpSource';
import { createDb, type StoredTeamEvent, type TeamOpRecord, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import type { ParsedRecord } from '../../../shared/ingest/records';
import { encodeChunk, redactedLine, splitLine, type TeamEvent } from '../../../shared/team';

const ERASURE = '0b7f6c1e-2d3a-4f5b-8c9d-0e1f2a3b4c5d';
const OP = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const dbs: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function order(externalId: string): ParsedRecord {
  return {
    kind: 'order',
    key: `shopify:${externalId}`,
    hash: '0123456789abcdef',
    scope: 'order/0123456789ab',
    provided: ['source', 'externalId'],
    line: 2,
    lines: null,
    rows: 1,
    value: {
      externalId,
      source: 'shopify',
      marketplace: 'shop',
      status: 'paid',
      createdAt: Date.UTC(2026, 10, 30, 12),
      totalMinor: 4200,
      currency: 'EUR',
      customerId: 'c1',
      email: 'anna@example.com',
      phone: '',
      shipName: 'Anna',
      shipStreet: 'Hauptstr. 1',
      shipPostcode: '10115',
      shipCity: 'Berlin',
      shipCountry: 'DE',
      billCountry: 'DE',
      ip: '192.0.2.1',
      deviceId: 'dev-anna',
      cardBin: '424242',
      cardLast4: '4242',
      cardExpiry: '04/27',
      cardFingerprint: 'fp_anna',
      cardBrand: 'visa',
      paymentMethod: 'card',
    },
  };
}

/** An erasure event as a teammate's laptop sends it: the register's record, no personal data in clear. */
function erasureEvent(orderKeys: string[], reason: 'erasure' | 'retention' = 'erasure') {
  return {
    id: ERASURE,
    kind: 'erasure' as const,
    payload: {
      reason,
      logSeq: 3,
      eventIds: [],
      ...(reason === 'erasure' ? { register: { reference: 'TICKET-1', orderKeys, payments: [], salt: '0'.repeat(32), linkValueHashes: [] } } : {}),
    },
  };
}

/** A cache holding one pulled scheme-2 team import of #1001 and #1002, the server having redacted #1002 under ERASURE. */
async function pulledRedacted(): Promise<{ db: WorkbenchDb; op: TeamOpRecord }> {
  const db = createDb(`team-op-source-${dbs.length}`);
  dbs.push(db);
  const sent = await encodeChunk([order('#1001'), order('#1002')]);
  const lines = gunzipSync(sent.gzip).toString('utf8').slice(0, -1).split('\n');
  const split = splitLine(JSON.parse(lines[1]!));
  if (typeof split === 'string' || split.mark) throw new Error('not a line as sent');
  lines[1] = JSON.stringify(redactedLine(split, ERASURE));
  const op: TeamOpRecord = {
    opId: OP,
    seq: 1,
    kind: 'import',
    undoes: null,
    state: 'shared',
    applied: false,
    importId: null,
    fileName: 'orders.csv',
    fileHash: 'a'.repeat(64),
    format: 'shopify',
    formatLabel: 'Shopify',
    shop: null,
    orderSource: 'shopify',
    records: 2,
    chunkHashes: [sent.hash],
    digest: 'b'.repeat(64),
    chunkScheme: 2,
    by: 'Ana Weber',
    deviceId: '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b',
    at: Date.UTC(2026, 11, 1),
    liveDigest: null,
    problem: null,
  };
  await db.teamOps.put(op);
  await db.teamOpChunks.put({ opId: OP, n: 0, gzip: new Uint8Array(gzipSync(lines.map((l) => l + '\n').join(''))) });
  return { db, op };
}

async function read(db: WorkbenchDb, op: TeamOpRecord): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  for await (const batch of teamOpSource(db, op).batches) out.push(...batch.records);
  return out;
}

const emails = (records: ParsedRecord[]) => records.map((r) => (r.kind === 'order' ? r.value.email : null));

describe('a pulled team import with a redacted line', () => {
  it('is refused, naming the line, while this laptop does not hold the erasure', async () => {
    const { db, op } = await pulledRedacted();
    await expect(read(db, op)).rejects.toThrow(`orders.csv, chunk 1, line 2: redacted under an erasure this laptop does not hold (${ERASURE}): not applied`);
  });

  it("is taken once the teammate's erasure naming the order is pulled", async () => {
    const { db, op } = await pulledRedacted();
    await db.teamEvents.put({ ...erasureEvent(['shopify:1002']), subject: '' } as unknown as StoredTeamEvent);
    expect(emails(await read(db, op))).toEqual(['anna@example.com', '']);
  });

  it("is taken under this laptop's own erasure (in its outbox, never pulled back)", async () => {
    const { db, op } = await pulledRedacted();
    await db.teamOutbox.put({ ...erasureEvent(['shopify:#1002']), seq: 1 } as unknown as TeamEvent);
    expect(emails(await read(db, op))).toEqual(['anna@example.com', '']);
  });

  it('is refused under an erasure held that does not reach the record, or that carries no register', async () => {
    const { db, op } = await pulledRedacted();
    await db.teamEvents.put({ ...erasureEvent(['shopify:#1001']), subject: '' } as unknown as StoredTeamEvent);
    await expect(read(db, op)).rejects.toThrow(`orders.csv, chunk 1, line 2: redacted under erasure ${ERASURE}, which does not reach this record: not applied`);
    const purge = await pulledRedacted();
    await purge.db.teamEvents.put({ ...erasureEvent([], 'retention'), subject: '' } as unknown as StoredTeamEvent);
    await expect(read(purge.db, purge.op)).rejects.toThrow('redacted under an erasure this laptop does not hold');
  });
});
