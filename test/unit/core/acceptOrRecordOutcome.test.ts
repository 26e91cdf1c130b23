// The Disputes service over a real (fake-indexeddb) cache, at the analyst's clock: past its
// deadline a chargeback is accepted or given the network's outcome, not gathered for; an accept
// closes its evidence checklist and its evidence pack; a mistaken accept is corrected by a logged
// step with a reason, never erased; and the KPI report counts an accept by the deadline as answered
// in time.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DisputeService } from '../../../renderer/src/core/disputes/disputeService';
import { ReportService } from '../../../renderer/src/core/reports/reportService';
import { RingService } from '../../../renderer/src/core/rings/ringService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { OrderStore } from '../../../renderer/src/core/storage/orderStore';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Clock } from '../../../shared/time/clock';

const HOUR = 3_600_000;
const DUE = Date.UTC(2026, 10, 17, 14);
const chargeback = (id: string, fields: Partial<Dispute> = {}): Dispute => ({
  id,
  provider: 'stripe',
  paymentId: `ch_${id}`,
  orderKey: '',
  network: 'visa',
  reasonCode: '10.4',
  amountMinor: 21_490,
  currency: 'EUR',
  openedAt: DUE - 14 * 24 * HOUR,
  dueAt: DUE,
  status: 'new',
  ...fields,
});

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

async function desk(name: string, ...disputes: Dispute[]) {
  db = createDb(name);
  await db.meta.put({ key: 'analystName', value: 'Jana' });
  let now = DUE - 29 * HOUR;
  const clock: Clock = { now: () => now };
  const store = new OrderStore(db);
  await store.open();
  const rings = new RingService(db, store, clock);
  await db.disputes.bulkAdd(disputes);
  return {
    disputes: new DisputeService(db, rings, clock),
    reports: new ReportService(db, store, rings, clock),
    at: (t: number) => {
      now = t;
    },
  };
}

describe('past the deadline', () => {
  it('records the network’s outcome from new or gathering evidence; gathering evidence is no longer a move', async () => {
    const { disputes, at } = await desk('past-deadline', chargeback('dp_new'), chargeback('dp_gather'), chargeback('dp_late'));
    await disputes.setStatus('dp_gather', 'gathering_evidence', '');
    await disputes.setStatus('dp_late', 'gathering_evidence', '');
    at(DUE + 24 * HOUR);
    await expect(disputes.setStatus('dp_new', 'gathering_evidence', '')).rejects.toThrow('A dispute that is new cannot become gathering evidence');
    await disputes.setStatus('dp_new', 'lost', 'Stripe shows it lost');
    await disputes.setStatus('dp_gather', 'won', 'the issuer withdrew');
    // Submitting late is the submit guard's: a reason, or nothing changes.
    await expect(disputes.setStatus('dp_late', 'submitted', '')).rejects.toThrow('after the deadline');
    await disputes.setStatus('dp_late', 'submitted', 'Stripe takes it past due');
    const status = new Map((await disputes.list()).map((d) => [d.id, d.status]));
    expect(Object.fromEntries(status)).toEqual({ dp_new: 'lost', dp_gather: 'won', dp_late: 'submitted' });
  });
});

describe('accepting', () => {
  it('closes the checklist and the evidence pack; a mistaken accept is corrected with a reason, logged after it', async () => {
    const { disputes, at } = await desk('accept', chargeback('dp_acc'));
    await disputes.setStatus('dp_acc', 'gathering_evidence', '');
    await disputes.setStatus('dp_acc', 'accepted', '');
    let d = await disputes.detail('dp_acc');
    expect(d.status).toBe('accepted');
    expect(d.correctsTo).toBe('gathering_evidence');
    await expect(disputes.setEvidence('dp_acc', d.evidence[0]!.item, true)).rejects.toThrow('evidence checklist is closed');
    // Accepting ends the contest: no evidence pack is built for it.
    await expect(disputes.evidencePack('dp_acc')).rejects.toThrow('No evidence pack: the dispute was accepted and nothing is sent');
    await expect(disputes.setStatus('dp_acc', 'gathering_evidence', '')).rejects.toThrow('needs a reason');
    at(DUE - 28 * HOUR);
    await disputes.setStatus('dp_acc', 'gathering_evidence', 'wrong row: #12063 was meant');
    d = await disputes.detail('dp_acc');
    expect(d.status).toBe('gathering_evidence');
    expect(d.correctsTo).toBeNull();
    expect((await disputes.evidencePack('dp_acc')).dispute.id).toBe('dp_acc');
    // Append-only: the accept stays, the correction follows it.
    expect(d.events.map((e) => [e.status, e.note])).toEqual([
      ['gathering_evidence', 'correction: recorded as accepted by mistake — wrong row: #12063 was meant'],
      ['accepted', ''],
      ['gathering_evidence', ''],
    ]);
  });

  it('a fraud report (TC40, SAFE) asks for no answer: no move, no checklist ticks, no evidence pack', async () => {
    const { disputes } = await desk('fraud-report', chargeback('tc40_1', { stage: 'fraud_report', dueAt: 0 }));
    const d = await disputes.detail('tc40_1');
    await expect(disputes.setStatus('tc40_1', 'gathering_evidence', '')).rejects.toThrow('cannot become');
    await expect(disputes.setEvidence('tc40_1', d.evidence[0]!.item, true)).rejects.toThrow(
      'The evidence checklist is closed: a fraud report asks for no answer, and nothing is sent',
    );
    await expect(disputes.evidencePack('tc40_1')).rejects.toThrow('No evidence pack: a fraud report asks for no answer, and nothing is sent');
  });

  it('is final when the provider’s export says the case is decided', async () => {
    // Stripe shows an accepted dispute as lost.
    const { disputes } = await desk('accept-final', chargeback('dp_lost', { status: 'lost' }));
    await db.disputeEvents.add({ disputeId: 'dp_lost', kind: 'status', status: 'accepted', note: '', analyst: 'Jana', at: DUE - 40 * HOUR });
    expect((await disputes.detail('dp_lost')).correctsTo).toBeNull();
    await expect(disputes.setStatus('dp_lost', 'new', 'meant another')).rejects.toThrow('cannot become new');
  });

  it('is offered and logged against the status the exports give together, not one record’s', async () => {
    // Stripe names the dispute twice: its disputes export (dp_two, still open) and the charge's row of
    // the payments export (read as the newer data: lost, as Stripe shows an accepted dispute).
    const { disputes } = await desk('accept-two-records', chargeback('dp_two'), chargeback('ch_dp_two/dispute', { paymentId: 'ch_dp_two', status: 'lost' }));
    await db.disputeEvents.add({ disputeId: 'dp_two', kind: 'status', status: 'accepted', note: '', analyst: 'Jana', at: DUE - 40 * HOUR });
    const d = await disputes.detail('dp_two');
    expect(d.status).toBe('accepted');
    // The merged export says decided: nothing to correct, and no correction is logged.
    expect(d.correctsTo).toBeNull();
    await expect(disputes.setStatus('dp_two', 'new', 'meant another')).rejects.toThrow('cannot become new');
    expect(await db.disputeEvents.count()).toBe(1);
  });

  it('by the deadline counts as answered in time in the KPI report, apart from the submissions', async () => {
    const { disputes, reports, at } = await desk('accept-kpi', chargeback('dp_acc'), chargeback('dp_open'));
    await disputes.setStatus('dp_acc', 'accepted', 'the win-rate sum says accept');
    at(DUE + 24 * HOUR);
    const { report } = await reports.kpi(Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 1));
    expect(report.disputes.all).toMatchObject({ respondable: 2, respondedInTime: 1, acceptedInTime: 1, accepted: 1 });
  });
});
