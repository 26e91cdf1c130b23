// PayPal's case report writes "Being Reviewed By PayPal" for a case PayPal is deciding: a real
// Case Report row (DDR-20150907.01.008.CSV) as laurynas/paypal-csv-reports' README prints it has
// case type Claim, reason "Not as described", case status "Being Reviewed By PayPal", no response
// due date and outcome "None" (read 2026-12-06). The seller's turn is over: the case waits on
// PayPal, as "Disputing on your behalf" and Stripe's under_review do, not on the seller as new.
import { describe, expect, it } from 'vitest';
import type { RefundClaim } from '../../../shared/disputes/claims';
import type { Dispute } from '../../../shared/domain/dispute';
import { runImport, values } from './support';

const HEADER =
  '"CH","Case type","Case ID","Original transaction ID","Transaction date","Transaction invoice ID","Card Type","Case reason","Claimant name","Claimant email address","Case filing date","Case status","Response due date","Disputed amount","Disputed currency","Disputed transaction ID","Money movement","Settlement type","Seller protection","Seller protection payout amount","Seller protection currency","Payment Tracking ID","Buyer comments","Store ID","Chargeback Reason Code","Outcome"';
const row = (type: string, id: string, reason: string, status: string) =>
  `"SB","${type}","${id}","00389221H1783294G",2015/08/13 07:50:09 +0200,"","","${reason}","","",2015/08/17 00:38:57 +0200,"${status}",,221,"USD","","No Impact","","Ineligible","","","","","","","None"`;
const report = (...rows: string[]) => ['"RH",2015/09/07 03:27:12 -0700,"D","X",008', '"FH",01', '"SH",x,y,"X",""', HEADER, ...rows].join('\n') + '\n';

describe('PayPal case report: a case PayPal is reviewing', () => {
  it('a claim and a chargeback "Being Reviewed By PayPal" are submitted, not new, and the import knows the state', async () => {
    const run = await runImport(
      report(
        row('Claim', 'PP-004-117-699-911', 'Not as described', 'Being Reviewed By PayPal'),
        row('Chargeback', 'PP-004-117-699-912', 'Unauthorized', 'Being Reviewed By PayPal'),
      ),
    );
    expect(values<RefundClaim>(run, 'claim').map((c) => [c.id, c.status])).toEqual([['PP-004-117-699-911', 'submitted']]);
    expect(values<Dispute>(run, 'dispute').map((d) => [d.id, d.status])).toEqual([['PP-004-117-699-912', 'submitted']]);
    expect(run.summary.warnings.map((w) => w.code)).not.toContain('unknown-dispute-status');
  });
});
