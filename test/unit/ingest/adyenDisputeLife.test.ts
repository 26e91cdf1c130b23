// What a payment-ops specialist reads off an Adyen dispute report: one dispute per dispute's life,
// its stage and outcome as Adyen means them, a reason that claims no code the file did not give,
// and the card brand the file names. Record types as Adyen's webhook reference and help centre
// describe them (docs.adyen.com/api-explorer/Webhooks, SECOND_CHARGEBACK; adyen.help, "How can I
// defend a second chargeback?").
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputeNetworkName, reasonFamily, reasonInfo, reasonShown } from '../../../shared/disputes/reasonCodes';
import { evidenceCaseOf } from '../../../shared/disputes/evidenceCase';
import { isFraudReason } from '../../../shared/linking/metrics';
import { standingDisputes, type Imported } from '../../../shared/disputes/standing';
import { disputesImportedInTurn, runImport, values } from './support';

const HEADER =
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone';

interface Row {
  psp?: string;
  method?: string;
  date: string;
  type: string;
  disputeRef: string;
  reason?: string;
  rfiCode?: string;
  cbCode?: string;
  end?: string;
  opened?: string;
}
const row = ({ psp = '8836000000000202', method = 'mc', date, type, disputeRef, reason = 'Fraud', rfiCode = '', cbCode = '', end = '', opened = date }: Row) =>
  `Nordwind,NordwindDE,${psp},#1002,${method},${date},CET,EUR,120.00,${type},${disputeRef},${reason},${rfiCode ? method : ''},${rfiCode},${cbCode ? method : ''},${cbCode},2026-04-20 12:31:00,CET,EUR,120.00,${opened},CET,${end},${end ? 'CET' : ''}`;
const report = (...rows: string[]) => [HEADER, ...rows, ''].join('\n');
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

/** The disputes a cache holding these files, imported in turn, lists. */
async function listed(...files: string[]): Promise<Dispute[]> {
  const stored: Imported[] = [...(await disputesImportedInTurn(files)).values()];
  return standingDisputes(stored).disputes.map(({ stamp: _stamp, ...d }) => d);
}

describe('a request for information without a Dispute PSP Reference, then the chargeback with one', () => {
  const RFI = row({ date: '2026-04-28 09:30:00', type: 'RequestForInformation', disputeRef: '', rfiCode: '4837', end: '2026-05-08 09:30:00' });
  const CHARGEBACK = row({ date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: '8836000000009902', cbCode: '4837', end: '2026-06-01 09:30:00' });

  it('is one dispute: a chargeback, opened with the request, raised on the chargeback’s day, with its deadline', async () => {
    for (const files of [[report(RFI, CHARGEBACK)], [report(RFI), report(CHARGEBACK)], [report(CHARGEBACK), report(RFI)]]) {
      const ds = await listed(...files);
      expect(ds.map((d) => [d.id, d.stage, d.status, iso(d.openedAt), iso(d.chargebackAt), iso(d.dueAt)])).toEqual([
        ['8836000000009902', undefined, 'new', '2026-04-28T07:30:00.000Z', '2026-05-12T07:30:00.000Z', '2026-06-01T07:30:00.000Z'],
      ]);
    }
  });

  it('the request’s workflow steps count for the chargeback it became', async () => {
    const { standsFor } = standingDisputes(values<Dispute>(await runImport(report(RFI, CHARGEBACK)), 'dispute'));
    expect(standsFor).toEqual(new Map([['8836000000000202', '8836000000009902']]));
  });

  // An earlier dispute of the same payment, with its own reference: defended and won.
  const WON_EARLIER = [
    row({ date: '2026-03-02 09:30:00', type: 'Chargeback', disputeRef: '8836000000009801', cbCode: '4837', end: '2026-03-22 09:30:00' }),
    row({ date: '2026-03-20 09:30:00', type: 'ChargebackReversed', disputeRef: '8836000000009801', cbCode: '4837', opened: '2026-03-02 09:30:00' }),
  ];

  it('two disputes of one payment, each with its own reference, stay two: a chargeback won, then a later one', async () => {
    const ds = await listed(report(...WON_EARLIER), report(CHARGEBACK));
    expect(ds.map((d) => [d.id, d.status])).toEqual([
      ['8836000000009801', 'won'],
      ['8836000000009902', 'new'],
    ]);
  });

  it('a request after a dispute of the payment was decided is not folded into that old dispute', async () => {
    const ds = await listed(report(...WON_EARLIER), report(RFI));
    expect(ds.map((d) => [d.id, d.stage ?? 'chargeback', d.status])).toEqual([
      ['8836000000009801', 'chargeback', 'won'],
      ['8836000000000202', 'inquiry', 'new'],
    ]);
  });
});

describe('Adyen’s SecondChargeback', () => {
  const CHARGEBACK = row({ date: '2026-04-28 09:30:00', type: 'Chargeback', disputeRef: '8836000000009902', cbCode: '4837', end: '2026-05-18 09:30:00' });
  const REVERSED = row({
    date: '2026-05-15 16:45:00',
    type: 'ChargebackReversed',
    disputeRef: '8836000000009902',
    cbCode: '4837',
    opened: '2026-04-28 09:30:00',
  });

  /** The issuer's second chargeback of 2 June, with the defence deadline its row gives (none: `end` empty). */
  const secondChargeback = (end = '') =>
    row({ date: '2026-06-02 11:00:00', type: 'SecondChargeback', disputeRef: '8836000000009902', cbCode: '4837', end, opened: '2026-04-28 09:30:00' });

  it('with a new defence period in its row is open at that stage, with that deadline, not lost', async () => {
    const second = secondChargeback('2026-06-22 11:00:00');
    for (const files of [[report(CHARGEBACK, REVERSED, second)], [report(CHARGEBACK), report(REVERSED), report(second)], [report(second), report(REVERSED)]]) {
      const d = (await disputesImportedInTurn(files)).get('8836000000009902')!;
      expect([d.status, d.escalation, iso(d.dueAt)]).toEqual(['new', 'second_chargeback', '2026-06-22T09:00:00.000Z']);
    }
  });

  it('without one, as Adyen says it almost always is, it is lost: the issuer declined the defence and debited again', async () => {
    const second = secondChargeback();
    const d = (await disputesImportedInTurn([report(CHARGEBACK), report(REVERSED), report(second)])).get('8836000000009902')!;
    expect([d.status, d.escalation]).toEqual(['lost', 'second_chargeback']);
    // A defence period that ended before the second chargeback (the first one's, written again) is no new one.
    const stale = row({ date: '2026-06-02 11:00:00', type: 'SecondChargeback', disputeRef: '8836000000009902', cbCode: '4837', end: '2026-05-18 09:30:00' });
    expect((await disputesImportedInTurn([report(CHARGEBACK), report(stale)])).get('8836000000009902')!.status).toBe('lost');
  });
});

describe('a chargeback whose reason-code columns are empty', () => {
  it('is kept, its reason read as the file words it, and no code is called unknown', async () => {
    const run = await runImport(
      report(
        row({ date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: 'D1', end: '2026-06-01 09:30:00' }),
        row({ psp: '8836000000000303', date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: 'D2', reason: '', end: '2026-06-01 09:30:00' }),
      ),
    );
    expect(run.summary.problems).toEqual([]);
    const ds = values<Dispute>(run, 'dispute');
    expect(ds.map((d) => [d.id, d.network, d.reasonCode, d.reasonText])).toEqual([
      ['D1', 'mastercard', '', 'Fraud'],
      ['D2', 'mastercard', '', undefined],
    ]);
    const labels = ds.map((d) => reasonInfo(d.network, d.reasonCode, d.reasonText).label);
    expect(labels).toEqual(['Fraud', 'No reason code given']);
    expect(ds.map((d, i) => reasonShown(disputeNetworkName(d), d.reasonCode, labels[i]!).lead)).toEqual(['Mastercard', 'Mastercard']);
  });

  it('counts in the family its words name: a codeless Fraud chargeback is a fraud chargeback in the ratios, the rings and the evidence', async () => {
    const reasons = ['Fraud', 'Consumer', 'Processing Error', 'Authorisation', 'Authorization', 'Other', ''];
    const run = await runImport(
      report(
        ...reasons.map((reason, i) =>
          row({ psp: `88360000000004${String(i).padStart(2, '0')}`, date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: `D${i}`, reason }),
        ),
      ),
    );
    const ds = values<Dispute>(run, 'dispute');
    expect(ds.map((d) => reasonFamily(d.network, d.reasonCode, d.reasonText))).toEqual([
      'fraud',
      'consumer',
      'processing',
      'authorisation',
      'authorisation',
      'unknown',
      'unknown',
    ]);
    expect(ds.map((d) => isFraudReason(d.reasonCode, d.network, d.reasonText))).toEqual([true, false, false, false, false, false, false]);
    expect(evidenceCaseOf(ds[0]!.network, ds[0]!.reasonCode, ds[0]!.reasonText)).toBe('fraud');
  });

  it('a code the file gives still names the reason, the words beside it change nothing', async () => {
    const [d] = values<Dispute>(
      await runImport(report(row({ date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: 'D1', cbCode: '4853', reason: 'Consumer' }))),
      'dispute',
    );
    expect([d!.reasonCode, reasonInfo(d!.network, d!.reasonCode, d!.reasonText)]).toEqual(['4853', reasonInfo('mastercard', '4853')]);
  });
});

describe('a chargeback on a brand the app has no reason table for', () => {
  it('keeps the brand the file names for the analyst; its network stays other for the rules', async () => {
    const ds = values<Dispute>(
      await runImport(
        report(
          row({ psp: '881', method: 'jcb', date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: 'D881', cbCode: '541' }),
          row({ psp: '882', method: 'cup', date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: 'D882', cbCode: '4514' }),
          row({ psp: '883', method: 'mc', date: '2026-05-12 09:30:00', type: 'Chargeback', disputeRef: 'D883', cbCode: '4837' }),
        ),
      ),
      'dispute',
    );
    expect(ds.map((d) => [d.id, d.network, d.brand, disputeNetworkName(d)])).toEqual([
      ['D881', 'other', 'jcb', 'JCB'],
      ['D882', 'other', 'cup', 'UnionPay'],
      ['D883', 'mastercard', undefined, 'Mastercard'],
    ]);
    // A brand no table names reads as the file writes it; without one, the network's name.
    expect(disputeNetworkName({ network: 'other', brand: 'Troy' })).toBe('Troy');
    expect(disputeNetworkName({ network: 'other' })).toBe('Other network');
  });
});
