// Files come in any order (README, Disputes): a file read again, or an older one read late, must not
// move a dispute back along its lifecycle (an answer submitted undone, an outcome undone) nor on with
// its old news (a reopened case closed again by its first reversal); newer data may do either.
// Adyen's rows date their events (Record Date): those times decide. Stripe's exports date none: a
// row then may keep a dispute where it is or move it on, never back.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Stamped } from '../../../shared/ingest/writePlan';
import { disputesImportedInTurn } from './support';

/** Imports the files in turn into one store, merging as the import writer does; the dispute `id` as it ends. */
async function importInTurn(id: string, ...files: string[]): Promise<Dispute> {
  return importOnto(new Map(), id, ...files);
}

async function importOnto(stored: Map<string, Stamped<Dispute>>, id: string, ...files: string[]): Promise<Dispute> {
  return (await disputesImportedInTurn(files, stored)).get(id)!;
}
const iso = (t: number) => new Date(t).toISOString();

describe('Adyen daily reports: the Record Date says which row is newer', () => {
  const HEADER =
    'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone';
  const day = (date: string, type: string, end = '') =>
    [
      HEADER,
      `Nordwind,NordwindDE,8836000000000202,#1002,mc,${date},CET,EUR,120.00,${type},8836000000009902,Fraud,,,mc,4837,2026-04-20 12:31:00,CET,EUR,120.00,2026-04-28 09:30:00,CET,${end},${end ? 'CET' : ''}`,
      '',
    ].join('\n');
  const ID = '8836000000009902';
  const CHARGEBACK = day('2026-04-28 09:30:00', 'Chargeback', '2026-05-18 09:30:00');
  const DEFENDED = day('2026-05-02 11:00:00', 'InformationSupplied');
  const REVERSED = day('2026-05-15 16:45:00', 'ChargebackReversed');
  const PRE_ARBITRATION = day('2026-06-02 11:00:00', 'NotificationOfChargeback', '2026-06-22 11:00:00');
  const SECOND_CHARGEBACK = day('2026-06-30 10:00:00', 'SecondChargeback');

  it('a defended chargeback stays submitted when its chargeback day is read again', async () => {
    const d = await importInTurn(ID, CHARGEBACK, DEFENDED, CHARGEBACK);
    expect(d.status).toBe('submitted');
    expect(iso(d.dueAt)).toBe('2026-05-18T07:30:00.000Z');
  });

  it('the answer read before its chargeback day leaves it submitted, with the chargeback’s deadline', async () => {
    const d = await importInTurn(ID, DEFENDED, CHARGEBACK);
    expect(d.status).toBe('submitted');
    expect(iso(d.dueAt)).toBe('2026-05-18T07:30:00.000Z');
  });

  it('a won dispute stored before event times were kept is reopened by a pre-arbitration, not by its older chargeback day', async () => {
    // As the release before stored a dispute first seen through its reversal: no statusAt, opened when first seen.
    const storedBefore = async () => {
      const stored = new Map<string, Stamped<Dispute>>();
      const won = await importOnto(stored, ID, REVERSED);
      const { statusAt: _dropped, ...old } = won as Stamped<Dispute>;
      stored.set(ID, { ...old, openedAt: Date.parse('2026-05-15T14:45:00Z') });
      return stored;
    };
    const reopened = await importOnto(await storedBefore(), ID, PRE_ARBITRATION);
    expect(reopened.status).toBe('new');
    expect(iso(reopened.dueAt)).toBe('2026-06-22T09:00:00.000Z');
    const kept = await importOnto(await storedBefore(), ID, CHARGEBACK);
    expect(kept.status).toBe('won');
  });

  it('a pre-arbitration after the reversal stays open, whichever day came first', async () => {
    for (const files of [
      [CHARGEBACK, REVERSED, PRE_ARBITRATION, REVERSED],
      [REVERSED, PRE_ARBITRATION, CHARGEBACK],
      [PRE_ARBITRATION, REVERSED, CHARGEBACK],
    ]) {
      const d = await importInTurn(ID, ...files);
      expect([d.status, iso(d.dueAt)]).toEqual(['new', '2026-06-22T09:00:00.000Z']);
    }
  });

  it('the second chargeback stays lost when the earlier reversal is read after it', async () => {
    expect((await importInTurn(ID, CHARGEBACK, SECOND_CHARGEBACK, REVERSED)).status).toBe('lost');
    expect((await importInTurn(ID, REVERSED, SECOND_CHARGEBACK)).status).toBe('lost');
  });
});

describe('Stripe disputes export: no row dates its status, the lifecycle says which is newer', () => {
  const HEADER = 'id,Created (UTC),Amount,Currency,Reason,Status,Evidence Due By (UTC),Charge ID';
  const exported = (status: string) => [HEADER, `dp_1,2026-05-20 08:00:00,89.00,eur,fraudulent,${status},2026-06-05 23:59:59,ch_1`, ''].join('\n');

  it('an answered dispute stays under review when an older export that says needs_response is read', async () => {
    expect((await importInTurn('dp_1', exported('under_review'), exported('needs_response'))).status).toBe('submitted');
  });

  it('a newer export moves it on: answered, then won', async () => {
    expect((await importInTurn('dp_1', exported('needs_response'), exported('under_review'))).status).toBe('submitted');
    expect((await importInTurn('dp_1', exported('under_review'), exported('won'))).status).toBe('won');
  });

  it('an inquiry that became a chargeback is open again, though the inquiry had closed', async () => {
    const d = await importInTurn('dp_1', exported('warning_closed'), exported('needs_response'));
    expect([d.stage, d.status]).toEqual([undefined, 'new']);
  });
});
