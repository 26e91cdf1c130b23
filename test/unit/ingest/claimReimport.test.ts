// How claims are dated and merged when read from files.
import { describe, expect, it } from 'vitest';
import { A_TO_Z } from '../../support/aToZClaimsPreset';
import type { RefundClaim } from '../../../shared/disputes/claims';
import { planBatchWrites } from '../../../shared/ingest/writePlan';
import { runImport, values, bucketsAddUp } from './support';

/** The claim `stored` holds once `file` (an older download) is read after it. */
async function claimAfterReading(stored: RefundClaim, file: string): Promise<RefundClaim> {
  const older = await runImport(file);
  const plan = planBatchWrites({ created: older.written, updated: [] }, 2, {
    payment: () => null,
    dispute: () => null,
    claim: (k) => (k === stored.id ? stored : null),
  });
  return plan.claims[0]!.next;
}

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);
const HEADER = 'Claim ID,Order ID,Claim Amount,Currency,Claim Date,Respond By,Claim Reason,Claim Status';

describe('review: a claim deadline given as a date only', () => {
  // README, Disputes: "A due date without a time of day is due at the end of that day in the file's
  // time zone." Amazon's "Respond by 30 Nov" means the seller may still answer on 30 Nov.
  it('is due at the end of that day, not at its first second', async () => {
    const run = await runImport([HEADER, 'AZ-5001,305-1234567-1234567,49.90,EUR,2026-11-28 10:00:00,2026-11-30,Item not received,Action required'].join('\n'), {
      preset: A_TO_Z,
    });
    const [c] = values<RefundClaim>(run, 'claim');
    expect(c!.noticeDueAt).toBe(utc(2026, 11, 30, 23, 59, 59));
  });

  it('a claim opened in the morning and due "that day" is not refused as due before it opened', async () => {
    const run = await runImport([HEADER, 'AZ-5002,305-7654321-7654321,19.99,EUR,2026-11-30 09:15:00,2026-11-30,Item not received,Action required'].join('\n'), {
      preset: A_TO_Z,
      fileName: 'a-to-z.csv',
    });
    expect(run.summary.problems).toEqual([]);
    expect(run.summary).toMatchObject({ rows: 1, created: 1, quarantined: 0 });
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(values<RefundClaim>(run, 'claim')[0]!.noticeDueAt).toBe(utc(2026, 11, 30, 23, 59, 59));
  });
});

describe('review: a claim read again from an older download', () => {
  const CASES_HEADER =
    '"CH","Case type","Case ID","Original transaction ID","Transaction date","Transaction invoice ID","Card Type","Case reason","Claimant name","Claimant email address","Case filing date","Case status","Response due date","Disputed amount","Disputed currency","Disputed transaction ID","Money movement","Settlement type","Seller protection","Seller protection payout amount","Seller protection currency","Payment Tracking ID","Buyer comments","Store ID","Chargeback Reason Code","Outcome"';
  const report = (status: string, due = '2026/05/30 09:00:00 -0700') =>
    [
      '"RH",2026/05/22 03:27:12 -0700,"D","X",008',
      '"FH",01',
      '"SH",x,y,"X",""',
      CASES_HEADER,
      `"SB","Claim","PP-D-7001","9XY1","2026/05/01 01:00:05 -0700","#2001","","Non-Receipt","","",2026/05/20 09:00:00 -0700,"${status}",${due},4500,"EUR","","","","","","","","","","",""`,
      `"SB","Chargeback","PP-D-7002","9XY2","2026/05/01 02:00:05 -0700","#2002","Visa","Unauthorized","","",2026/05/20 10:00:00 -0700,"Open",2026/05/30 10:00:00 -0700,5990,"EUR","","","","","","","","","","10.4",""`,
      '"SF",2',
    ].join('\n') + '\n';

  // README, Disputes: "an older file read again does not undo a decided outcome"; the brief: a later
  // download's decided outcome (won, lost, refunded) is not undone by an older one read again.
  it('keeps the decided outcome a later download brought', async () => {
    const later = await runImport(report('Lost'));
    const stored = values<RefundClaim>(later, 'claim')[0]!;
    expect(stored.status).toBe('lost');
    expect((await claimAfterReading(stored, report('Waiting for your response'))).status).toBe('lost');
  });

  // A claim first seen decided has no deadline of its own: an older download's deadline is no sign
  // that the claim was reopened (no claims download dates its events), so the outcome stays.
  it('keeps the decided outcome when the older download brings a deadline the cache lacks', async () => {
    const later = await runImport(report('Lost', ''));
    const stored = values<RefundClaim>(later, 'claim')[0]!;
    expect([stored.status, stored.noticeDueAt]).toEqual(['lost', null]);
    expect((await claimAfterReading(stored, report('Waiting for your response'))).status).toBe('lost');
  });

  it('keeps an answered claim under review when an older download that waits for the answer is read', async () => {
    const later = await runImport(report('Being reviewed by PayPal'));
    const stored = values<RefundClaim>(later, 'claim')[0]!;
    expect(stored.status).toBe('submitted');
    expect((await claimAfterReading(stored, report('Waiting for your response'))).status).toBe('submitted');
  });

  // The deadline a notice named (entered by hand from Amazon's e-mail, or from an earlier sheet) is
  // not wiped by a sheet whose "Respond By" cell is empty: mergeDispute keeps a dispute's deadline
  // "when the new rows give none"; a claim must not silently fall back to the window.
  it('keeps the notice deadline the cache holds when the new rows give none', async () => {
    const withDeadline = await runImport(
      [HEADER, 'AZ-5003,305-1,49.90,EUR,2026-11-28 10:00:00,2026-11-29 18:00:00,Item not received,Action required'].join('\n'),
      {
        preset: A_TO_Z,
      },
    );
    const stored = values<RefundClaim>(withDeadline, 'claim')[0]!;
    expect(stored.noticeDueAt).toBe(utc(2026, 11, 29, 18));
    const without = await runImport([HEADER, 'AZ-5003,305-1,49.90,EUR,2026-11-28 10:00:00,,Item not received,Under investigation'].join('\n'), {
      preset: A_TO_Z,
    });
    const plan = planBatchWrites({ created: without.written, updated: [] }, 2, { payment: () => null, dispute: () => null, claim: () => stored });
    expect(plan.claims[0]!.next.noticeDueAt).toBe(utc(2026, 11, 29, 18));
  });
});
