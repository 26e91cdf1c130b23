// The report service over a real (fake-indexeddb) cache holding the hand-written fixture: its
// figures are the hand-computed ones, blocks written before dictionaries existed report the same,
// and a saved snapshot reopens unchanged, intact and impossible to overwrite.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { OrderRepository } from '../../../renderer/src/core/storage/orderRepository';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import { ReportService } from '../../../renderer/src/core/reports/reportService';
import { RingService } from '../../../renderer/src/core/rings/ringService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { trendRows } from '../../../shared/reports/fraudTrend';
import { CONFIRMED_RING_ORDERS, DECISIONS, DISPUTES, ORDERS, RANGE } from '../../support/reportFixture';
import type { Dispute } from '../../../shared/domain/dispute';
import { fixedClock } from '../../../shared/time/clock';

let db: WorkbenchDb;
/** The order store of the last cache made. */
let lastStore: OrderStore;
afterEach(async () => {
  db.close();
  await db.delete();
});

async function cacheWithFixture(name: string, { oldBlocks = false, orders = ORDERS } = {}) {
  db = createDb(name);
  // Two appends: two blocks, so the dictionaries of different blocks must merge.
  await new OrderRepository(db).append(orders.slice(0, 6));
  await new OrderRepository(db).append(orders.slice(6));
  if (oldBlocks) {
    // As a cache written before blocks had report columns.
    await db.orderReportColumns.clear();
  }
  await db.disputes.bulkAdd(DISPUTES);
  const log = new DecisionLog(db);
  for (const { seq: _s, prevHash: _p, hash: _h, ...e } of DECISIONS) await log.append(e);
  await db.ringMarks.add({
    ringId: 'ring:shopify:S2',
    status: 'confirmed-fraud',
    orderKeys: CONFIRMED_RING_ORDERS,
    note: '',
    analyst: 'K. Weber',
    createdAt: Date.UTC(2026, 10, 16),
  });
  await db.meta.put({ key: 'reportRates', value: { currency: 'EUR', asOf: '2026-11-01', source: 'test', rates: { EUR: 1, PLN: 0.25 } } });
  const store = new OrderStore(db);
  await store.open();
  lastStore = store;
  return new ReportService(db, store, new RingService(db, store));
}

/** The fixture with known outcomes: A2 fraud (nothing else says so), S1 fraud (also a fraud chargeback), Z2 legit, A4 fraud (previous span). */
const LABELLED = ORDERS.map((o) =>
  ['A2', 'S1', 'A4'].includes(o.externalId) ? { ...o, knownOutcome: 'fraud' } : o.externalId === 'Z2' ? { ...o, knownOutcome: 'legit' } : o,
);

const WEEK_ROWS = [
  ['2026-W45', 'Amazon', 2, 150, 0, 0, 0, 0],
  ['2026-W45', 'Zalando', 1, 80, 1, 80, 0, 0],
  ['2026-W45', 'Own shop', 1, 200, 1, 200, 0, 0],
  ['2026-W46', 'Amazon', 1, 30, 0, 0, 1, 30],
  ['2026-W46', 'Zalando', 2, 160, 0, 0, 0, 0],
  ['2026-W46', 'Own shop', 2, 160, 2, 160, 1, 60],
  ['2026-W46', '(order not in cache)', 0, 0, 0, 0, 1, 25],
];

describe('ReportService', () => {
  it('reports the fixture by week and marketplace as computed by hand', async () => {
    const service = await cacheWithFixture('report-service-1');
    const { report, dataHash } = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
    expect(trendRows(report).map((r) => Object.values(r))).toEqual(WEEK_ROWS);
    expect(report.total.fraudBy).toEqual({ chargeback: 2, cancelled: 1, ring: 2, outcome: 0, fraudReport: 0 });
    expect(dataHash).toMatch(/^[0-9a-f]{64}$/);
    const byCountry = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'country' });
    expect(byCountry.report.groups).toEqual(['DE', 'AT', 'PL', '(order not in cache)']);
    expect(byCountry.report.byGroup.map((f) => [f.orders, f.fraudOrders])).toEqual([
      [6, 1],
      [1, 1],
      [2, 2],
      [0, 0],
    ]);
  });

  it('reports the same from blocks written before they carried dictionaries', async () => {
    const service = await cacheWithFixture('report-service-2', { oldBlocks: true });
    const { report } = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
    expect(trendRows(report).map((r) => Object.values(r))).toEqual(WEEK_ROWS);
    const byBrand = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'cardBrand' });
    expect(byBrand.report.byGroup.slice(0, 3).map((f) => f.orders)).toEqual([5, 3, 1]);
  });

  it('counts a known outcome of fraud as a fourth source of confirmed fraud, and opens those orders', async () => {
    const service = await cacheWithFixture('report-service-5', { orders: LABELLED });
    const { report, sources } = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
    // A2 (50) is new confirmed fraud; S1 was already (its chargeback) and counts once; Z2's legit changes nothing.
    expect(report.total).toMatchObject({ fraudOrders: 5, fraudValueMinor: 49_000 });
    expect(report.total.fraudBy).toEqual({ chargeback: 2, cancelled: 1, ring: 2, outcome: 2, fraudReport: 0 });
    expect(trendRows(report)[0]).toMatchObject({ period: '2026-W45', group: 'Amazon', fraudOrders: 1, fraudValue: 50 });
    // A4 was fraud by its chargeback already: the previous span's count stays, its split says both.
    expect(report.previousTotal).toMatchObject({ fraudOrders: 1 });
    expect(report.previousTotal.fraudBy.outcome).toBe(1);
    expect(sources).toContain('3 orders whose known outcome (from an imported file) is fraud');
    const snap = lastStore.currentSnapshot();
    const mask = await service.ordersBehind(snap, { kind: 'confirmed-fraud', label: 'Confirmed fraud' });
    const rows = await snap.rowsOfKeys(new Set(['amazon:A2', 'zalando:Z2']));
    expect([mask[rows.get('amazon:A2')!], mask[rows.get('zalando:Z2')!]]).toEqual([1, 0]);
  });

  it('reads no outcome from blocks whose dictionaries were written before the field existed', async () => {
    // The second block's first order is a known fraud, so its dictionary lists 'fraud' first.
    const orders = ORDERS.map((o) => (o.externalId === 'A3' ? { ...o, knownOutcome: 'fraud' } : o));
    await cacheWithFixture('report-service-6', { orders });
    const first = (await db.orderReportColumns.orderBy('id').first())!;
    delete first.dict.knownOutcome;
    await db.orderReportColumns.put(first);
    const fresh = new OrderStore(db);
    await fresh.open();
    const { report } = await new ReportService(db, fresh, new RingService(db, fresh)).fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
    expect(report.total.fraudBy).toEqual({ chargeback: 2, cancelled: 1, ring: 2, outcome: 1, fraudReport: 0 });
    expect(report.total.fraudOrders).toBe(5);
  });

  it('computes the KPI report from the cache', async () => {
    const service = await cacheWithFixture('report-service-3');
    const { report } = await service.kpi(RANGE.from, RANGE.to);
    // Flagged: Z2 held then released (legitimate), Z1 cancelled outright: 1 of 2.
    expect(report.review).toMatchObject({ reviewed: 2, released: 1, cancelled: 1, everFlagged: 2, falsePositives: 1, falsePositiveRate: 0.5 });
    expect(report.review.manualReviewRate).toBeCloseTo(2 / 9, 12);
    expect(report.disputes.all).toMatchObject({ opened: 3, won: 1, lost: 1 });
    expect(report.programmes.map((m) => [m.programme, m.numerator, m.denominator])).toEqual([
      ['visa-vamp', 3, 6],
      ['mastercard-ecm', 1, 0],
    ]);
  });

  it("counts a dispute whose file names no card network under its order's card brand in the programmes", async () => {
    const service = await cacheWithFixture('report-service-network');
    const inRange = DISPUTES.find((d) => d.id === 'dp_X')!;
    // S1 is a settled Visa order; #998 is not in the cache.
    await db.disputes.bulkAdd([
      { ...inRange, id: 'dp_brandless', paymentId: 'ch_brandless', orderKey: 'shopify:S1', network: 'stripe', reasonCode: 'fraudulent' },
      { ...inRange, id: 'dp_nowhere', paymentId: 'ch_nowhere', orderKey: 'shopify:#998', network: 'stripe', reasonCode: 'fraudulent' },
    ]);
    const { report } = await service.kpi(RANGE.from, RANGE.to);
    expect(report.programmes.map((m) => [m.programme, m.numerator, m.denominator, m.unknownNetwork])).toEqual([
      ['visa-vamp', 4, 6, 1],
      ['mastercard-ecm', 1, 0, 1],
    ]);
  });

  it('a held order released and later charged back as fraud is no false positive', async () => {
    const service = await cacheWithFixture('report-service-fp');
    // Z2 was held, then released: the fixture's one false positive, of 2 flagged (Z1 was cancelled).
    expect((await service.kpi(RANGE.from, RANGE.to)).report.review.falsePositiveRate).toBe(0.5);
    // A Visa 10.4 (fraud) chargeback on Z2 says the hold was right.
    const x = DISPUTES.find((d) => d.id === 'dp_X')!;
    await db.disputes.add({ ...x, id: 'dp_Z2', paymentId: 'ch_Z2', orderKey: 'zalando:Z2' });
    expect((await service.kpi(RANGE.from, RANGE.to)).report.review.falsePositiveRate).toBe(0);
  });

  it('converts a dispute in yen to the reporting euros in minor units of each: ¥16,000 is €100.00', async () => {
    const service = await cacheWithFixture('report-service-yen');
    const before = (await service.kpi(RANGE.from, RANGE.to)).report.disputes;
    await db.meta.put({ key: 'reportRates', value: { currency: 'EUR', asOf: '2026-11-01', source: 'test', rates: { EUR: 1, PLN: 0.25, JPY: 0.00625 } } });
    const inRange = DISPUTES.find((d) => d.openedAt >= RANGE.from && d.openedAt < RANGE.to)!;
    await db.disputes.add({ ...inRange, id: 'dp_yen', orderKey: 'amazon.de:A9', amountMinor: 16_000, currency: 'JPY' });
    const after = (await service.kpi(RANGE.from, RANGE.to)).report.disputes;
    expect(after.currency).toBe('EUR');
    expect(after.all.opened).toBe(before.all.opened + 1);
    expect(after.all.openedValueMinor - before.all.openedValueMinor).toBe(10_000);
  });

  it('a dispute change that changes the figures changes the data hash an opened snapshot is checked against', async () => {
    // An opened snapshot says "The data behind it is unchanged" when the data hash is the same. An
    // Adyen dispute report read later turns a RequestForInformation into a Chargeback with the same
    // id, opening day and status (both read as new): the chargeback now counts in the KPIs and the
    // trend, so the hash must move. The same for a network (Visa VAMP / Mastercard ECM and the
    // reason family), a new deadline (answered in time) and the order the dispute is on (the channel).
    await cacheWithFixture('report-service-hash');
    const service = new ReportService(db, lastStore, new RingService(db, lastStore), fixedClock(Date.UTC(2026, 10, 20)));
    const changes: [string, string, Partial<Dispute>][] = [
      ['stage', 'dp_X', { stage: 'inquiry' }],
      ['network', 'dp_X', { network: 'mastercard' }],
      ['deadline', 'dp_X', { dueAt: Date.UTC(2026, 10, 19) }],
      ['order', 'dp_A3', { orderKey: 'zalando:Z2' }],
    ];
    for (const [what, id, patch] of changes) {
      const x = DISPUTES.find((d) => d.id === id)!;
      await db.disputes.put(x);
      const before = await service.kpi(RANGE.from, RANGE.to);
      const trendBefore = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
      await db.disputes.put({ ...x, ...patch });
      const after = await service.kpi(RANGE.from, RANGE.to);
      const trendAfter = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
      expect(after.report, what).not.toEqual(before.report);
      expect(after.dataHash, what).not.toBe(before.dataHash);
      if (JSON.stringify(trendAfter.report) !== JSON.stringify(trendBefore.report)) expect(trendAfter.dataHash, what).not.toBe(trendBefore.dataHash);
    }
  });

  it('saves a snapshot that reopens unchanged after the data changed, and cannot be overwritten', async () => {
    const service = await cacheWithFixture('report-service-4');
    const { report, dataHash } = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
    // A snapshot is signed by a named analyst or not saved at all.
    await expect(service.saveSnapshot('fraud-trend', 'unsigned', report.params, report, dataHash)).rejects.toThrow(/Say who you are first/);
    await db.meta.put({ key: 'analystName', value: 'K. Weber' });
    const saved = await service.saveSnapshot('fraud-trend', 'W45-W46 by marketplace', report.params, report, dataHash);
    // It names the decision log's head it was made from, inside what its hash covers.
    expect(saved.logHead).toEqual(await new DecisionLog(db).head());
    expect(saved.logHead!.seq).toBe(DECISIONS.length);
    await db.disputes.clear();
    const changed = await service.fraudTrend({ period: 'week', ...RANGE, dimension: 'marketplace' });
    expect(changed.dataHash).not.toBe(dataHash);
    const { snapshot, intact } = await service.snapshot(saved.id!);
    expect(intact).toBe(true);
    expect(snapshot.figures).toEqual(report);
    expect(snapshot.hash).toBe(saved.hash);
    await expect(db.reportSnapshots.put({ ...snapshot, title: 'edited' })).rejects.toThrow();
    await expect(db.reportSnapshots.delete(saved.id!)).rejects.toThrow();
    expect((await service.snapshots()).map((s) => s.title)).toEqual(['W45-W46 by marketplace']);
  });
});

describe('answered before due, for a chargeback that began as an inquiry', () => {
  it("times the chargeback's answer from its own submission, not the inquiry's", async () => {
    const service = await cacheWithFixture('report-service-escalated');
    // An inquiry opened 4 Jan 2027 and answered on the 5th; raised as a chargeback on the 10th, due
    // the 20th, submitted on the 22nd: answered, and late. The first submission logged answered the
    // inquiry, and counted the chargeback as answered in time.
    const day = (d: number) => Date.UTC(2027, 0, d, 12);
    const escalated: Dispute = {
      id: 'dp_esc',
      provider: 'stripe',
      paymentId: 'ch_esc',
      orderKey: 'shopify:S1',
      network: 'visa',
      reasonCode: '13.1',
      amountMinor: 5000,
      currency: 'EUR',
      openedAt: day(4),
      chargebackAt: day(10),
      dueAt: day(20),
      status: 'new',
    };
    await db.disputes.add(escalated);
    await db.disputeEvents.add({ disputeId: 'dp_esc', kind: 'status', status: 'submitted', note: 'answered the inquiry', analyst: 'K. Weber', at: day(5) });
    await db.disputeEvents.add({ disputeId: 'dp_esc', kind: 'status', status: 'submitted', note: 'chargeback evidence', analyst: 'K. Weber', at: day(22) });
    const { report } = await service.kpi(Date.UTC(2027, 0, 1), Date.UTC(2027, 1, 1));
    expect(report.disputes.all).toMatchObject({ opened: 1, respondable: 1, respondedInTime: 0, answerTimeUnknown: 0 });
  });
});

describe('programme thresholds as saved', () => {
  it('keeps a ratio typed as a percentage as the decimal it names', async () => {
    const service = await cacheWithFixture('report-service-thresholds');
    // The Thresholds screen divides the typed 2.2 by 100: 0.022000000000000002, printed so in the CSV.
    const [saved] = await service.saveThresholds([
      { programme: 'visa-vamp', level: 'excessive', ratio: 2.2 / 100, count: 1500, effectiveFrom: '2025-04', source: 'typed' },
    ]);
    expect(saved!.ratio).toBe(0.022);
    expect((await service.thresholds())[0]!.ratio).toBe(0.022);
  });
});
