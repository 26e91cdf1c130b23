// An Adyen dispute report lists chargebacks on every scheme the account takes: JCB (`jcb`), UnionPay
// (`cup`), Cartes Bancaires (`cartebancaire`) as well as Visa and Mastercard. A chargeback on a card
// the app has no reason table for is still money at stake with a deadline: it is kept, under "another
// card network", its code shown as the file writes it, never set aside as if the row named no brand.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { reasonInfo, reasonShown } from '../../../shared/disputes/reasonCodes';
import { bucketsAddUp, runImport, values } from './support';

const HEADER =
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone';
const row = (psp: string, method: string, code: string, amount: string, currency: string) =>
  `Nordwind,NordwindDE,${psp},#1002,${method},2026-05-12 09:30:00,CET,${currency},${amount},Chargeback,D${psp},Fraud,,,${method},${code},2026-05-01 12:31:00,CET,${currency},${amount},2026-05-12 09:30:00,CET,2026-06-01 09:30:00,CET`;

describe('a chargeback on a card network the app has no reason table for', () => {
  it('is kept with its code and deadline, under another network, not set aside', async () => {
    const text = [
      HEADER,
      row('881', 'jcb', '541', '12000', 'JPY'),
      row('882', 'cup', '4514', '120.00', 'EUR'),
      row('883', 'cartebancaire', '81', '89.00', 'EUR'),
      '',
    ].join('\n');
    const run = await runImport(text);
    expect(run.summary.problems).toEqual([]);
    expect(bucketsAddUp(run.summary)).toBe(true);
    const disputes = values<Dispute>(run, 'dispute');
    expect(disputes.map((d) => [d.id, d.network, d.reasonCode, d.amountMinor, d.currency, new Date(d.dueAt).toISOString()])).toEqual([
      ['D881', 'other', '541', 12000, 'JPY', '2026-06-01T07:30:00.000Z'],
      ['D882', 'other', '4514', 12000, 'EUR', '2026-06-01T07:30:00.000Z'],
      ['D883', 'other', '81', 8900, 'EUR', '2026-06-01T07:30:00.000Z'],
    ]);
  });

  it('is not read with another network’s table: a UnionPay 4514 is no Amex or Discover code', () => {
    expect(reasonInfo('other', '4514')).toEqual({ family: 'unknown', label: 'Unknown reason code 4514' });
    expect(reasonInfo('other', '4553')).toEqual({ family: 'unknown', label: 'Unknown reason code 4553' });
    // A PSP's own word still reads as itself whatever the card.
    expect(reasonInfo('other', 'fraudulent').family).toBe('fraud');
    expect(reasonShown('other', '4514', 'Unknown reason code 4514').lead).toBe('Other network 4514');
  });

  it('a row that names no card brand and a code of no network is still set aside, as before', async () => {
    const text = [HEADER, row('884', '', 'XYZ-9', '10.00', 'EUR'), ''].join('\n');
    const run = await runImport(text);
    expect(run.summary.problems.map((p) => p.reason)).toEqual([expect.stringContaining('card network is unknown')]);
  });
});
