// A dispute file without a card-brand column (the generic dispute CSV, a bank's report) names the
// network by its reason code's shape. Visa Claims Resolution writes Processing Error 12.6 in two
// parts, 12.6.1 Duplicate Processing and 12.6.2 Paid by Other Means (Visa's VCR reason codes as
// developer.north.com/supplemental-resources/chargeback-reason-codes and Adyen's dispute reason
// codes list them); Mastercard's Chargeback Guide keeps 4999 Domestic Chargeback Dispute (Europe
// region only) and 4850 Installment Billing Dispute beside the 48xx codes (docs.antom.com/ac/dispute/mastercard,
// Cardholder dispute category). Read 2026-12-06.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { reasonInfo } from '../../../shared/disputes/reasonCodes';
import { GENERIC_DISPUTES } from '../../../shared/ingest/formats/disputes';
import { runImport, values } from './support';

const HEADER = 'Dispute ID,PSP Reference,Order Reference,Reason Code,Amount,Currency,Opened Date,Due Date,Status';

describe('dispute CSV without a card brand: the network from the reason code', () => {
  it('reads Visa 12.6.1 and 12.6.2 as Visa processing errors, not as a code of no network', async () => {
    const run = await runImport(
      [HEADER, 'd1,p1,#1,12.6.1,10.00,EUR,2026-05-01,2026-05-20,open', 'd2,p2,#2,12.6.2,12.00,EUR,2026-05-01,2026-05-20,open', ''].join('\n'),
      { preset: GENERIC_DISPUTES },
    );
    expect(run.summary.quarantined).toBe(0);
    const disputes = values<Dispute>(run, 'dispute');
    expect(disputes.map((d) => [d.id, d.network, reasonInfo(d.network, d.reasonCode)])).toEqual([
      ['d1', 'visa', { family: 'processing', label: 'Duplicate processing' }],
      ['d2', 'visa', { family: 'processing', label: 'Paid by other means' }],
    ]);
  });

  it('reads Mastercard 4999 and 4850 as Mastercard cardholder disputes', async () => {
    const run = await runImport(
      [HEADER, 'd3,p3,#3,4999,10.00,EUR,2026-05-01,2026-05-20,open', 'd4,p4,#4,4850,10.00,EUR,2026-05-01,2026-05-20,open', ''].join('\n'),
      {
        preset: GENERIC_DISPUTES,
      },
    );
    expect(run.summary.quarantined).toBe(0);
    const disputes = values<Dispute>(run, 'dispute');
    expect(disputes.map((d) => [d.id, d.network, reasonInfo(d.network, d.reasonCode).family])).toEqual([
      ['d3', 'mastercard', 'consumer'],
      ['d4', 'mastercard', 'consumer'],
    ]);
  });
});
