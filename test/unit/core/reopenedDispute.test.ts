// The Disputes screen over a real (fake-indexeddb) cache: an Adyen chargeback answered and marked
// won in the app, then named again by a later daily report with the issuer's pre-arbitration
// (Mastercard's flow: Chargeback Reversed, Pre-Arbitration, 2nd chargeback; docs.adyen.com/
// risk-management/chargeback-guidelines/mastercard-chargebacks). The list shows the reopened case
// with its new deadline, not the win logged before it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DisputeService } from '../../../renderer/src/core/disputes/disputeService';
import { importFile } from '../../../renderer/src/core/imports/importRunner';
import { ImportHistory } from '../../../renderer/src/core/imports/importHistory';
import { RingService } from '../../../renderer/src/core/rings/ringService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import type { Clock } from '../../../shared/time/clock';

const HEADER =
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone';
const row = (date: string, type: string, end: string) =>
  `Nordwind,NordwindDE,8836000000000202,#1002,mc,${date},CET,EUR,120.00,${type},8836000000009902,Consumer,,,mc,4853,2026-04-20 12:31:00,CET,EUR,120.00,2026-04-28 09:30:00,CET,${end},${end ? 'CET' : ''}`;
const bytesOf = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows, ''].join('\n'));
async function* once(b: Uint8Array): AsyncGenerator<Uint8Array> {
  yield b;
}
const file = (name: string, b: Uint8Array) => ({ name, size: b.length, chunks: once(b) });
/** Imports one day's dispute report of `rows`, named by that day. */
const importReport = (clock: Clock, day: string, ...rows: string[]) =>
  importFile(db, file(`dispute_report_${day.replaceAll('-', '_')}.csv`, bytesOf(...rows)), {}, undefined, undefined, clock);

let db: WorkbenchDb;

const ID = '8836000000009902';

/** A cache named `name` whose analyst is Jana, the Disputes service over it, and the clock the test moves with `at`. */
async function desk(name: string) {
  db = createDb(name);
  await db.meta.put({ key: 'analystName', value: 'Jana' });
  let now = Date.UTC(2026, 3, 29, 8);
  const clock: Clock = { now: () => now };
  const store = new OrderStore(db);
  await store.open();
  const at = (t: number) => {
    now = t;
  };
  return { clock, disputes: new DisputeService(db, new RingService(db, store, clock), clock), at };
}
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a dispute marked won in the app, reopened by a later report', () => {
  it('is listed open again, with the pre-arbitration’s deadline', async () => {
    const { clock, disputes, at } = await desk('reopened-dispute');
    const id = ID;

    await importReport(clock, '2026-04-28', row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'));
    at(Date.UTC(2026, 4, 10, 9));
    await disputes.setStatus(id, 'gathering_evidence', '');
    await disputes.setStatus(id, 'submitted', 'sent from Adyen with the delivery proof');
    at(Date.UTC(2026, 4, 28, 9));
    await disputes.setStatus(id, 'won', 'Adyen shows the chargeback reversed');
    expect((await disputes.list()).find((d) => d.id === id)!.status).toBe('won');

    // 2 June: the issuer's pre-arbitration, answer due 22 June.
    at(Date.UTC(2026, 5, 2, 7));
    await importReport(clock, '2026-06-02', row('2026-06-02 06:00:00', 'NotificationOfChargeback', '2026-06-22 11:00:00'));
    const d = (await disputes.list()).find((x) => x.id === id)!;
    expect(d.status).toBe('new');
    expect(new Date(d.dueAt).toISOString()).toBe('2026-06-22T09:00:00.000Z');
  });
});

describe('a dispute marked won in the app, then written again without a new deadline', () => {
  it('stays won; a later pre-arbitration reopens it, and a later row that keeps its deadline leaves it open', async () => {
    const { clock, disputes, at } = await desk('rewritten-dispute');
    const id = ID;
    const status = async () => (await disputes.list()).find((d) => d.id === id)!.status;
    await importReport(clock, '2026-04-28', row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'));
    // 10 May: answered, and the issuer's letter says it withdrew: the analyst logs the win before the deadline.
    at(Date.UTC(2026, 4, 10, 9));
    await disputes.setStatus(id, 'gathering_evidence', '');
    await disputes.setStatus(id, 'submitted', 'sent from Adyen with the delivery proof');
    await disputes.setStatus(id, 'won', 'issuer withdrew it by letter');
    // 12 May: the next daily report names the case again, an issuer comment, its deadline unchanged.
    at(Date.UTC(2026, 4, 12, 7));
    await importReport(clock, '2026-05-12', row('2026-05-12 06:00:00', 'IssuerComments', '2026-05-18 09:30:00'));
    expect(await status()).toBe('won');
    // 2 June: the pre-arbitration, due 22 June: open again.
    at(Date.UTC(2026, 5, 2, 7));
    await importReport(clock, '2026-06-02', row('2026-06-02 06:00:00', 'NotificationOfChargeback', '2026-06-22 11:00:00'));
    expect(await status()).toBe('new');
    // 4 June: an issuer comment on the pre-arbitration, its deadline kept: still open.
    at(Date.UTC(2026, 5, 4, 7));
    await importReport(clock, '2026-06-04', row('2026-06-04 06:00:00', 'IssuerComments', '2026-06-22 11:00:00'));
    expect(await status()).toBe('new');
  });
});

describe('the dispute’s detail says what the list says', () => {
  it('an outcome the export gives after the analyst submitted shows in the detail, as in the list', async () => {
    const { clock, disputes, at } = await desk('detail-outcome');
    const id = ID;
    await importReport(clock, '2026-04-28', row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'));
    at(Date.UTC(2026, 4, 10, 9));
    await disputes.setStatus(id, 'gathering_evidence', '');
    await disputes.setStatus(id, 'submitted', 'sent from Adyen with the delivery proof');
    // 12 June: the second chargeback, lost.
    at(Date.UTC(2026, 5, 12, 7));
    await importReport(clock, '2026-06-12', row('2026-06-12 06:00:00', 'SecondChargeback', ''));
    expect((await disputes.list()).find((d) => d.id === id)!.status).toBe('lost');
    expect((await disputes.detail(id)).status).toBe('lost');
  });
});

describe('a request for information answered in the app, then raised as a chargeback', () => {
  it('is listed as needing a response, with the chargeback’s deadline, not as submitted', async () => {
    const { clock, disputes, at } = await desk('inquiry-then-chargeback');
    const id = ID;
    const listed = async () => (await disputes.list()).find((d) => d.id === id)!;
    await importReport(clock, '2026-04-28', row('2026-04-28 09:30:00', 'RequestForInformation', '2026-05-08 09:30:00'));
    at(Date.UTC(2026, 4, 5, 9));
    await disputes.setStatus(id, 'gathering_evidence', '');
    await disputes.setStatus(id, 'submitted', 'invoice and tracking sent');
    // The next day's report names the case again, its deadline unchanged: still submitted.
    at(Date.UTC(2026, 4, 6, 7));
    await importReport(clock, '2026-05-06', row('2026-05-06 06:00:00', 'InformationSupplied', '2026-05-08 09:30:00'));
    expect((await listed()).status).toBe('submitted');
    // 20 May: the issuer raises the chargeback anyway, answer due 9 June.
    at(Date.UTC(2026, 4, 20, 7));
    await importReport(clock, '2026-05-20', row('2026-05-20 06:00:00', 'Chargeback', '2026-06-09 09:30:00'));
    const d = await listed();
    expect(d.status).toBe('new');
    expect(new Date(d.dueAt).toISOString()).toBe('2026-06-09T07:30:00.000Z');
    // Answered again: the step logged since stands.
    at(Date.UTC(2026, 4, 22, 9));
    await disputes.setStatus(id, 'gathering_evidence', '');
    await disputes.setStatus(id, 'submitted', 'compelling evidence sent');
    expect((await listed()).status).toBe('submitted');
  });
});

describe('an older report read again after a newer one', () => {
  it('counts its rows unchanged, writes nothing, and the newer import still owns the dispute it changed', async () => {
    const { clock } = await desk('older-report-again');
    const chargeback = row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00');
    const first = await importReport(clock, '2026-04-28', chargeback);
    const second = await importReport(clock, '2026-05-15', chargeback, row('2026-05-15 16:45:00', 'ChargebackReversed', ''));
    expect([second.summary.created, second.summary.updated, second.summary.unchanged]).toEqual([0, 2, 0]);
    const won = await db.disputes.get(ID);
    expect(won!.status).toBe('won');

    // The first report again: its chargeback is older news than the reversal the cache holds.
    const again = await importReport(clock, '2026-04-28', chargeback);
    expect(again.status).toBe('completed');
    expect([again.summary.created, again.summary.updated, again.summary.unchanged]).toEqual([0, 0, 1]);
    expect(await db.disputes.get(ID)).toEqual(won);
    const record = await db.imports.get(again.importId!);
    expect([record!.updated, record!.unchanged]).toEqual([0, 1]);
    expect(first.summary.created).toBe(1);

    // Imports are undone newest first: the re-read first (it changed nothing), then the newer report's, and the chargeback is open again.
    const history = new ImportHistory(db, clock);
    await history.undo(again.importId!);
    expect(await db.disputes.get(ID)).toEqual(won);
    await history.undo(second.importId!);
    expect((await db.disputes.get(ID))!.status).toBe('new');
  });
});
