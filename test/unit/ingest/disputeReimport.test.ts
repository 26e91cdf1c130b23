// Adyen's dispute report comes as a daily file (dispute_report_YYYY_MM_DD.csv) holding that day's
// records. A later day's file naming the same dispute with a new stage must update it — keeping when
// it was opened and its deadline — and an older file read again must not silently undo an outcome.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputesImportedInTurn, runImport } from '../ingest/support';

const HEADER =
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone';
const row = (date: string, type: string, end: string) =>
  `Nordwind,NordwindDE,8836000000000202,#1002,mc,${date},CET,EUR,120.00,${type},8836000000009902,Fraud,,,mc,4837,2026-04-20 12:31:00,CET,EUR,120.00,2026-04-28 09:30:00,CET,${end},${end ? 'CET' : ''}`;

/** The 28 April file: the chargeback, due 18 May. The 15 May file: its reversal (no end date on that row). */
const APRIL_28 = [HEADER, row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'), ''].join('\n');
const MAY_15 = [HEADER, row('2026-05-15 16:45:00', 'ChargebackReversed', ''), ''].join('\n');

/** Imports the files in turn into one store, merging as the import writer does. */
async function importInTurn(...files: string[]): Promise<Dispute> {
  const stored = await disputesImportedInTurn(files);
  const { stamp: _s, ...d } = stored.get('8836000000009902')!;
  return d;
}

describe('a dispute named again by a later daily report', () => {
  it('the reversal wins the dispute; it stays opened on 28 April with its deadline', async () => {
    const d = await importInTurn(APRIL_28, MAY_15);
    expect(d.status).toBe('won');
    // Opened in April: April's chargeback count (Mastercard ECM) and the April KPIs keep it.
    expect(new Date(d.openedAt).toISOString()).toBe('2026-04-28T07:30:00.000Z');
    expect(new Date(d.dueAt).toISOString()).toBe('2026-05-18T07:30:00.000Z');
  });

  it('a file holding only the reversal dates the dispute by its Dispute Date, not by the reversal', async () => {
    const d = await importInTurn(MAY_15);
    expect(d.status).toBe('won');
    // Raised on 28 April: April's chargeback, whichever day's file came first.
    expect(new Date(d.openedAt).toISOString()).toBe('2026-04-28T07:30:00.000Z');
    expect(new Date((await importInTurn(MAY_15, APRIL_28)).openedAt).toISOString()).toBe('2026-04-28T07:30:00.000Z');
  });

  it('a report without a Dispute Date column is dated by its earliest event', async () => {
    const cut = (line: string) =>
      line
        .split(',')
        .filter((_, i) => i !== 20 && i !== 21)
        .join(',');
    const d = await importInTurn(
      [HEADER, row('2026-05-15 16:45:00', 'ChargebackReversed', ''), row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'), ''].map(cut).join('\n'),
    );
    expect(HEADER.split(',').filter((_, i) => i === 20 || i === 21)).toEqual(['Dispute Date', 'Dispute Date TimeZone']);
    expect(d.status).toBe('won');
    expect(new Date(d.openedAt).toISOString()).toBe('2026-04-28T07:30:00.000Z');
  });

  it('reading the older file again does not turn the won dispute back into a new one', async () => {
    const d = await importInTurn(APRIL_28, MAY_15, APRIL_28);
    expect(d.status).toBe('won');
    expect(new Date(d.dueAt).toISOString()).toBe('2026-05-18T07:30:00.000Z');
  });

  it('a case reopened after it was won (a new stage with a later deadline) is open again, with that deadline', async () => {
    // 2 June: the issuer comes back (pre-arbitration), answer due by 22 June.
    const JUNE_2 = [HEADER, row('2026-06-02 11:00:00', 'NotificationOfChargeback', '2026-06-22 11:00:00'), ''].join('\n');
    const d = await importInTurn(APRIL_28, MAY_15, JUNE_2);
    expect(d.status).toBe('new');
    expect(new Date(d.dueAt).toISOString()).toBe('2026-06-22T09:00:00.000Z');
    expect(new Date(d.openedAt).toISOString()).toBe('2026-04-28T07:30:00.000Z');
  });

  it('daily files imported out of order: the reversal day, then the chargeback day, leave it won', async () => {
    // The won dispute has no deadline of its own (the reversal row names none); the older chargeback
    // row's deadline is no sign of a reopened case: only a later event than the reversal is.
    const d = await importInTurn(MAY_15, APRIL_28);
    expect(d.status).toBe('won');
    // As in the order the days came: the deadline the chargeback had, the day it was opened.
    expect(new Date(d.dueAt).toISOString()).toBe('2026-05-18T07:30:00.000Z');
    expect(new Date(d.openedAt).toISOString()).toBe('2026-04-28T07:30:00.000Z');
    expect(new Date(d.statusAt!).toISOString()).toBe('2026-05-15T14:45:00.000Z');
  });

  it('a request for information is an inquiry until the chargeback comes, and a chargeback for good', async () => {
    const RFI = [HEADER, row('2026-04-20 10:00:00', 'RequestForInformation', '2026-05-10 10:00:00'), ''].join('\n');
    expect((await importInTurn(RFI)).stage).toBe('inquiry');
    const d = await importInTurn(RFI, APRIL_28, RFI);
    expect(d).not.toHaveProperty('stage');
    expect(d.status).toBe('new');
    // The chargeback's deadline, not the request's.
    expect(new Date(d.dueAt).toISOString()).toBe('2026-05-18T07:30:00.000Z');
  });

  describe('an inquiry opened in one month that became a chargeback in the next', () => {
    const MARCH_30 = [HEADER, row('2026-03-30 10:00:00', 'RequestForInformation', '2026-04-19 10:00:00'), ''].join('\n');
    const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

    it.each([
      ['the request first, then the chargeback', [MARCH_30, APRIL_28]],
      ['the chargeback first, then the older request', [APRIL_28, MARCH_30]],
      [
        'both in one file',
        [
          [
            HEADER,
            row('2026-03-30 10:00:00', 'RequestForInformation', '2026-04-19 10:00:00'),
            row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'),
            '',
          ].join('\n'),
        ],
      ],
    ])('opened when the request came, raised as a chargeback on 28 April (%s)', async (_, files) => {
      const d = await importInTurn(...files);
      expect(d).not.toHaveProperty('stage');
      expect(iso(d.openedAt)).toBe('2026-03-30T08:00:00.000Z');
      expect(iso(d.chargebackAt)).toBe('2026-04-28T07:30:00.000Z');
      // Read again, and after the reversal: still raised on 28 April.
      expect(iso((await importInTurn(...files, ...files)).chargebackAt)).toBe('2026-04-28T07:30:00.000Z');
      expect(iso((await importInTurn(...files, MAY_15)).chargebackAt)).toBe('2026-04-28T07:30:00.000Z');
    });

    it('a chargeback from its first record has no separate date', async () => {
      expect(await importInTurn(APRIL_28, MAY_15)).not.toHaveProperty('chargebackAt');
    });

    it('the file read again changes nothing', async () => {
      const both = [
        HEADER,
        row('2026-03-30 10:00:00', 'RequestForInformation', '2026-04-19 10:00:00'),
        row('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00'),
        '',
      ].join('\n');
      const first = await runImport(both);
      const again = await runImport(both, {}, first.known);
      expect({ created: again.summary.created, updated: again.summary.updated, unchanged: again.summary.unchanged }).toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
    });
  });
});
