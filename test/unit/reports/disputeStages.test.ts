// Found by a payment-ops review. Retrieval requests / inquiries (Adyen RequestForInformation, Stripe `warning_*`) and issuer fraud
// reports (Adyen NotificationOfFraud: Visa TC40 / Mastercard SAFE) are not chargebacks: Mastercard's
// ECM counts chargebacks, Visa's VAMP counts disputes (TC15) and fraud reports, never inquiries; and
// an inquiry that closes without becoming a chargeback (`warning_closed`) is not a dispute won.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputeKpis } from '../../../shared/reports/disputeKpis';
import { disputeWins } from '../../../shared/reports/disputeWins';
import { disputeSchema } from '../../../shared/domain/recordSchemas';
import { hashFields } from '../../../shared/ingest/contentHash';
import { DISPUTE_HASH_FIELDS, disputeHash } from '../../../shared/ingest/records';
import { programmeMonths } from '../../../shared/reports/programmes';
import { order } from '../normalize/orderFixture';
import { runImport, values } from '../ingest/support';

const ADYEN = [
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone',
  // A Mastercard retrieval request, not (yet) a chargeback.
  'Nordwind,NordwindDE,8836000000000301,#2001,mc,2026-05-08 10:00:00,CET,EUR,120.00,RequestForInformation,8836000000009931,Fraud,4837,4837,,,2026-04-20 12:31:00,CET,EUR,120.00,2026-05-08 10:00:00,CET,2026-05-28 10:00:00,CET',
  // A Mastercard SAFE fraud report: no chargeback, nothing to answer.
  'Nordwind,NordwindDE,8836000000000302,#2002,mc,2026-05-09 10:00:00,CET,EUR,75.00,NotificationOfFraud,8836000000009932,Fraud,,,4837,4837,2026-04-21 12:31:00,CET,EUR,75.00,2026-05-09 10:00:00,CET,,',
  // The one real Mastercard chargeback of May.
  'Nordwind,NordwindDE,8836000000000303,#2003,mc,2026-05-12 09:30:00,CET,EUR,60.00,Chargeback,8836000000009933,Fraud,,,4837,4837,2026-04-22 12:31:00,CET,EUR,60.00,2026-05-12 09:30:00,CET,2026-06-01 09:30:00,CET',
  '',
].join('\n');

const STRIPE = [
  'id,Charge ID,Reason,Status,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
  // Visa inquiries: one open, one closed without escalating.
  'du_1QaInq01,ch_3QaInq01,fraudulent,warning_needs_response,45.00,eur,2026-05-10 08:00:00,2026-05-24 23:59:59,Visa',
  'du_1QaInq02,ch_3QaInq02,product_not_received,warning_closed,30.00,eur,2026-05-11 08:00:00,,Visa',
  // One real Visa dispute, lost.
  'du_1QaCb003,ch_3QaCb003,fraudulent,lost,50.00,eur,2026-05-12 08:00:00,2026-05-26 23:59:59,Visa',
  '',
].join('\n');

const at = (month: number, day: number) => Date.UTC(2026, month - 1, day, 12);

describe('inquiries and fraud reports are kept apart from chargebacks', () => {
  it('ECM and VAMP count May’s one Mastercard chargeback and one Visa dispute, not the RFI, the SAFE report or the inquiries', async () => {
    const disputes = [...values<Dispute>(await runImport(ADYEN), 'dispute'), ...values<Dispute>(await runImport(STRIPE), 'dispute')];
    expect(disputes).toHaveLength(6);
    const orders = [
      ...Array.from({ length: 10 }, (_, i) => order({ externalId: `#m${i}`, cardBrand: 'mastercard', status: 'paid', createdAt: at(4, 2 + i) })),
      ...Array.from({ length: 10 }, (_, i) => order({ externalId: `#v${i}`, cardBrand: 'visa', status: 'paid', createdAt: at(5, 2 + i) })),
    ];
    const months = programmeMonths(orders, disputes);
    const ecm = months.find((m) => m.programme === 'mastercard-ecm' && m.month === '2026-05')!;
    const vamp = months.find((m) => m.programme === 'visa-vamp' && m.month === '2026-05')!;
    // ECM: chargebacks only. VAMP: the dispute plus the TC40 fraud reports (none here are Visa).
    expect({ ecm: ecm.numerator, vamp: vamp.numerator }).toEqual({ ecm: 1, vamp: 1 });
  });

  it('an inquiry closed without a chargeback (warning_closed) is not a dispute won', async () => {
    const disputes = values<Dispute>(await runImport(STRIPE), 'dispute');
    const kpis = disputeKpis(disputes, Date.UTC(2026, 4, 1), Date.UTC(2026, 5, 1));
    // The only decided chargeback was lost; the inquiry that closed is no win.
    expect({ won: kpis.all.won, lost: kpis.all.lost, winRate: kpis.all.winRate }).toEqual({ won: 0, lost: 1, winRate: 0 });
  });

  it('a dispute Stripe prevented (Visa RDR refunded it before it was filed) is no chargeback, open or counted', async () => {
    const run = await runImport(
      [
        'id,Charge ID,Reason,Status,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
        'du_1QaRdr01,ch_3QaRdr01,fraudulent,prevented,80.00,eur,2026-05-13 08:00:00,,Visa',
        // A compliance case: the issuer says the sale broke Visa's rules. A chargeback, not a fraud one.
        'du_1QaCmp01,ch_3QaCmp01,noncompliant,needs_response,20.00,eur,2026-05-14 08:00:00,2026-05-28 23:59:59,Visa',
        '',
      ].join('\n'),
    );
    expect(run.summary.warnings).toEqual([]);
    const [prevented, compliance] = values<Dispute>(run, 'dispute');
    expect(prevented).toMatchObject({ status: 'accepted', stage: 'inquiry' });
    expect(compliance).toMatchObject({ status: 'new', reasonCode: 'noncompliant' });
    expect(compliance!.stage).toBeUndefined();
    const kpis = disputeKpis([prevented!, compliance!], Date.UTC(2026, 4, 1), Date.UTC(2026, 5, 1));
    expect(kpis.all.opened).toBe(1);
    expect(Object.keys(kpis.byFamily)).toEqual(['processing']);
    const orders = Array.from({ length: 10 }, (_, i) => order({ externalId: `#v${i}`, cardBrand: 'visa', status: 'paid', createdAt: at(5, 2 + i) }));
    const vamp = programmeMonths(orders, [prevented!, compliance!]).find((m) => m.programme === 'visa-vamp' && m.month === '2026-05')!;
    expect(vamp.numerator).toBe(1);
  });

  it('an inquiry of April that became a chargeback in May counts as May’s chargeback, in the programmes, the KPIs and the wins', () => {
    const escalated: Dispute = {
      id: 'du_1QaEsc01',
      provider: 'stripe',
      paymentId: 'ch_3QaEsc01',
      orderKey: '',
      network: 'visa',
      reasonCode: '10.4',
      amountMinor: 5000,
      currency: 'EUR',
      openedAt: at(4, 20),
      chargebackAt: at(5, 12),
      dueAt: at(5, 26),
      status: 'lost',
    };
    expect(disputeSchema.safeParse(escalated).success).toBe(true);
    const orders = Array.from({ length: 10 }, (_, i) => order({ externalId: `#v${i}`, cardBrand: 'visa', status: 'paid', createdAt: at(4, 2 + i) }));
    const vamp = (month: string) => programmeMonths(orders, [escalated]).find((m) => m.programme === 'visa-vamp' && m.month === month)?.numerator ?? 0;
    expect({ april: vamp('2026-04'), may: vamp('2026-05') }).toEqual({ april: 0, may: 1 });
    const kpis = (month: number) => disputeKpis([escalated], Date.UTC(2026, month - 1, 1), Date.UTC(2026, month, 1)).all;
    expect({ april: kpis(4).opened, may: kpis(5).opened, mayLost: kpis(5).lost }).toEqual({ april: 0, may: 1, mayLost: 1 });
    const wins = (month: number) => disputeWins([escalated], Date.UTC(2026, month - 1, 1), Date.UTC(2026, month, 1), new Map(), null).byChannel;
    expect({ april: wins(4), may: wins(5).map((c) => c.lost) }).toEqual({ april: [], may: [1] });
  });

  it('hashes a chargeback as before stages existed, so a file read again stays unchanged', async () => {
    const disputes = values<Dispute>(await runImport(ADYEN), 'dispute');
    const cb = disputes.find((d) => d.stage === undefined)!;
    expect(disputeHash(cb)).toBe(hashFields(cb, DISPUTE_HASH_FIELDS));
    const rfi = disputes.find((d) => d.stage === 'inquiry')!;
    expect(disputeHash(rfi)).not.toBe(hashFields(rfi, DISPUTE_HASH_FIELDS));
    expect(disputes.map((d) => d.stage ?? 'chargeback')).toEqual(['inquiry', 'fraud_report', 'chargeback']);
    for (const d of disputes) expect(disputeSchema.safeParse(d).success).toBe(true);
  });
});
