// Refund claims read from files: PayPal's case report sends buyer claims to claims and chargebacks to
// disputes; a claims sheet mapped in the wizard is read as claims of one kind or of its kind column.
import { A_TO_Z } from '../../support/aToZClaimsPreset';
import { describe, expect, it } from 'vitest';
import type { RefundClaim } from '../../../shared/disputes/claims';
import type { Dispute } from '../../../shared/domain/dispute';
import { claimKindOf, paypalClaimKind } from '../../../shared/ingest/claimKinds';
import { parseFormatPreset, type FormatPreset } from '../../../shared/ingest/formats/preset';
import { bucketsAddUp, fixture, runImport, values } from './support';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

const CASES_HEADER =
  '"CH","Case type","Case ID","Original transaction ID","Transaction date","Transaction invoice ID","Card Type","Case reason","Claimant name","Claimant email address","Case filing date","Case status","Response due date","Disputed amount","Disputed currency","Disputed transaction ID","Money movement","Settlement type","Seller protection","Seller protection payout amount","Seller protection currency","Payment Tracking ID","Buyer comments","Store ID","Chargeback Reason Code","Outcome"';
const caseRow = (type: string, id: string, reason: string, status: string, amount: number | string = 4500) =>
  `"SB","${type}","${id}","9XY1","2026/05/01 01:00:05 -0700","#2001","","${reason}","","",2026/05/20 09:00:00 -0700,"${status}",2026/05/30 09:00:00 -0700,${amount},"EUR","","","","","","","","","","",""`;
const caseReport = (...rows: string[]) => ['"RH",2026/05/22 03:27:12 -0700,"D","X",008', '"FH",01', '"SH",x,y,"X",""', CASES_HEADER, ...rows].join('\n') + '\n';

describe('which PayPal cases are refund claims', () => {
  it('reads a Dispute or Claim for item not received or not as described as a buyer claim; chargebacks, bank returns and unauthorised claims stay disputes', () => {
    expect(paypalClaimKind('Claim', 'Non-Receipt')).toBe('paypal-inr');
    expect(paypalClaimKind('Dispute', 'non_receipt')).toBe('paypal-inr');
    expect(paypalClaimKind('Claim', 'Not as described')).toBe('paypal-snad');
    expect(paypalClaimKind('Claim', 'Significantly not as described')).toBe('paypal-snad');
    expect(paypalClaimKind('Chargeback', 'Non-Receipt')).toBeNull();
    expect(paypalClaimKind('Bank Return', 'Not as described')).toBeNull();
    expect(paypalClaimKind('Unauthorized Claim', 'Unauthorized')).toBeNull();
    expect(paypalClaimKind('Claim', 'Unauthorized')).toBeNull();
  });

  it('reads a claims sheet’s kind cells in the words exports and analysts use', () => {
    expect(claimKindOf('A-to-z Guarantee')).toBe('amazon-a-to-z');
    expect(claimKindOf('SAFE-T claim')).toBe('amazon-safe-t');
    expect(claimKindOf('INR')).toBe('paypal-inr');
    expect(claimKindOf('PayPal claim: not as described')).toBe('paypal-snad');
    expect(claimKindOf('return request')).toBe('marketplace-return');
    expect(claimKindOf('chargeback')).toBeNull();
  });
});

describe('PayPal case report: buyer claims among the chargebacks', () => {
  it('stores claims and chargebacks apart, every row accounted for; the same file again changes nothing, a new status updates the claim', async () => {
    const text = caseReport(
      caseRow('Claim', 'PP-D-1', 'Not as described', 'Waiting for your response'),
      caseRow('Chargeback', 'PP-D-2', 'Non-Receipt', 'Open'),
      caseRow('Dispute', 'PP-D-3', 'Non-Receipt', 'Open'),
      '"SF",3',
    );
    const first = await runImport(text);
    expect(first.summary).toMatchObject({ rows: 4, created: 3, quarantined: 1 });
    expect(first.summary.records.claim).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.summary.records.dispute).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(bucketsAddUp(first.summary)).toBe(true);
    expect(values<RefundClaim>(first, 'claim')).toEqual([
      expect.objectContaining({
        id: 'PP-D-1',
        kind: 'paypal-snad',
        orderRef: '#2001',
        amountMinor: 4500,
        currency: 'EUR',
        openedAt: utc(2026, 5, 20, 16),
        // The report's own response date is the deadline the notice names.
        noticeDueAt: utc(2026, 5, 30, 16),
        status: 'new',
        reason: 'Not as described',
      }),
      expect.objectContaining({ id: 'PP-D-3', kind: 'paypal-inr' }),
    ]);
    expect(values<Dispute>(first, 'dispute').map((d) => d.id)).toEqual(['PP-D-2']);

    const again = await runImport(text, {}, first.known);
    expect(again.summary).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 3, quarantined: 1 });

    const answered = await runImport(text.replace('"Waiting for your response"', '"Under review"'), {}, first.known);
    expect(answered.summary).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(values<RefundClaim>(answered, 'claim')).toEqual([expect.objectContaining({ id: 'PP-D-1', status: 'submitted' })]);
    expect(bucketsAddUp(answered.summary)).toBe(true);
  });

  it('sets a claim row with an amount it cannot read aside, naming the file, line and column', async () => {
    const rows = [
      caseRow('Chargeback', 'PP-D-8', 'Non-Receipt', 'Open'),
      caseRow('Claim', 'PP-D-9', 'Non-Receipt', 'Open', '"n/a"'),
      caseRow('Claim', 'PP-D-7', 'Non-Receipt', 'Open'),
    ];
    const run = await runImport(caseReport(...rows), {
      fileName: 'DDR-20260522.01.008.CSV',
    });
    expect(run.summary.problems).toEqual([
      expect.objectContaining({ file: 'DDR-20260522.01.008.CSV', line: 6, column: 14, columnName: 'Disputed amount', code: 'invalid-value' }),
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});

describe('an A-to-z claims sheet mapped in the wizard', () => {
  it('is a valid preset to save, and reads every row as an A-to-z claim; a date no calendar has is set aside with its line and column', async () => {
    expect(parseFormatPreset(A_TO_Z).ok).toBe(true);
    const run = await runImport(fixture('amazon-a-to-z-claims.csv'), { preset: A_TO_Z, fileName: 'a-to-z.csv' });
    expect(run.summary).toMatchObject({ rows: 3, created: 2, quarantined: 1 });
    expect(bucketsAddUp(run.summary)).toBe(true);
    const [late, noticed] = values<RefundClaim>(run, 'claim');
    expect(late).toMatchObject({ id: 'AZ-4401', kind: 'amazon-a-to-z', orderRef: '305-1234567-1234567', amountMinor: 4990, noticeDueAt: null });
    expect(noticed).toMatchObject({ id: 'AZ-4402', openedAt: utc(2026, 11, 29, 8, 30), noticeDueAt: utc(2026, 11, 30, 20), amountMinor: 12900 });
    expect(run.summary.problems).toEqual([expect.objectContaining({ file: 'a-to-z.csv', line: 4, column: 5, columnName: 'Claim Date' })]);
    const again = await runImport(fixture('amazon-a-to-z-claims.csv'), { preset: A_TO_Z }, run.known);
    expect(again.summary).toMatchObject({ created: 0, unchanged: 2, quarantined: 1 });
  });

  it('takes each row’s kind from a kind column, and sets a row whose kind it cannot read aside', async () => {
    const preset: FormatPreset = { ...A_TO_Z, mapping: { ...A_TO_Z.mapping, claimKind: 'Type' }, options: { source: 'claims', timeZone: 'UTC' } };
    const text = [
      'Claim ID,Type,Claim Amount,Currency,Claim Date',
      'C1,SAFE-T,10.00,EUR,2026-03-01',
      'C2,Chargeback,10.00,EUR,2026-03-01',
      'C3,,10.00,EUR,2026-03-01',
    ].join('\n');
    const run = await runImport(text, { preset });
    expect(values<RefundClaim>(run, 'claim').map((c) => [c.id, c.kind])).toEqual([['C1', 'amazon-safe-t']]);
    expect(run.summary.problems.map((p) => [p.line, p.columnName, p.code])).toEqual([
      [3, 'Type', 'invalid-value'],
      [4, 'Type', 'missing-value'],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('refuses a deadline before the claim opened', async () => {
    const text = ['Claim ID,Claim Amount,Currency,Claim Date,Respond By', 'C1,10.00,EUR,2026-03-02,2026-03-01'].join('\n');
    const run = await runImport(text, { preset: A_TO_Z });
    expect(run.summary.problems).toEqual([expect.objectContaining({ line: 2, columnName: 'Respond By', code: 'invalid-value' })]);
  });
});
