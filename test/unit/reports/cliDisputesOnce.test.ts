// `report kpi` on a Stripe payments export and its disputes export counts a charge's dispute once.
// README, Disputes: "A dispute two exports name is one dispute … the reports … count it once"; the CLI prints
// "the Reports screen's figures from the same code".
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/cli';

describe('review: CLI report kpi and a dispute named by two Stripe exports', () => {
  it('one lost Visa dispute is one dispute, not two', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'h3-cli-'));
    const payments = path.join(dir, 'payments.csv');
    const disputes = path.join(dir, 'disputes.csv');
    writeFileSync(
      payments,
      [
        'id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Card Brand,order_id (metadata),Disputed Amount,Dispute Status,Dispute Reason,Dispute Date (UTC),Dispute Evidence Due (UTC)',
        'ch_3QaCb001,2026-05-02 10:00:00,80.00,0.00,eur,Paid,Visa,#5001,80.00,lost,fraudulent,2026-05-12 08:00:00,2026-05-26 23:59:59',
        '',
      ].join('\n'),
    );
    writeFileSync(
      disputes,
      [
        'id,Charge ID,Reason,Status,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
        'dp_1QaCb001,ch_3QaCb001,fraudulent,lost,80.00,eur,2026-05-12 08:00:00,2026-05-26 23:59:59,Visa',
        '',
      ].join('\n'),
    );
    const run = await cli('report', 'kpi', '--json', '--from', '2026-05-01', '--to', '2026-06-01', payments, disputes);
    expect(run.stderr).toBe('');
    const k = JSON.parse(run.stdout);
    expect({ opened: k.disputes.all.opened, lost: k.disputes.all.lost }).toEqual({ opened: 1, lost: 1 });
  });
});
