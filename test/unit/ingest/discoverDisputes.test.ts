// Discover chargebacks arrive in the generic dispute CSV, Adyen's dispute report (payment method
// `discover`) and Stripe's disputes export (Card Brand `discover`). Discover's reason codes as
// Antom's Discover/Diners table (docs.antom.com/ac/dispute/diners) and chargeback.com's Discover
// guide list them: UA01/UA02/UA05/UA06 fraud, AA does not recognise, AT/DA/NA/EX authorisation,
// DP/LP/CD/IN processing, AP/RG/RM/RN2 cardholder disputes; read 2026-12-06. UA02 is not an Amex
// code: read as Amex, a Discover card-not-present fraud showed "Amex UA02 · Unknown reason code".
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { evidenceCaseOf } from '../../../shared/disputes/evidenceCase';
import { networkName, reasonInfo } from '../../../shared/disputes/reasonCodes';
import { GENERIC_DISPUTES } from '../../../shared/ingest/formats/disputes';
import { STRIPE_DISPUTES } from '../../../shared/ingest/formats/stripe';
import { runImport, values } from './support';

describe('Discover disputes', () => {
  it('a Discover UA02 is Discover card-not-present fraud, not an Amex code the app does not know', async () => {
    const run = await runImport(
      [
        'Dispute ID,PSP Reference,Order Reference,Reason Code,Amount,Currency,Opened Date,Due Date,Status,Network',
        'd1,p1,#1,UA02,10.00,USD,2026-05-01,2026-05-20,open,Discover',
        'd2,p2,#2,RG,20.00,USD,2026-05-01,2026-05-20,open,Discover',
        // No brand in the row: UA02 is Discover's shape, not Amex's.
        'd3,p3,#3,UA02,30.00,USD,2026-05-01,2026-05-20,open,',
        '',
      ].join('\n'),
      { preset: GENERIC_DISPUTES },
    );
    const disputes = values<Dispute>(run, 'dispute');
    expect(disputes.map((d) => [d.id, networkName(d.network), reasonInfo(d.network, d.reasonCode).family, evidenceCaseOf(d.network, d.reasonCode)])).toEqual([
      ['d1', 'Discover', 'fraud', 'fraud'],
      ['d2', 'Discover', 'consumer', 'not_received'],
      ['d3', 'Discover', 'fraud', 'fraud'],
    ]);
  });

  it("a Stripe dispute on a Discover card names Discover, not Stripe, and keeps Stripe's reason", async () => {
    const run = await runImport(
      [
        'id,Reason,Status,Charge ID,Amount,Currency,Created (UTC),Evidence Due By (UTC),Card Brand',
        'dp_1,fraudulent,needs_response,ch_1,10.00,usd,2026-05-01 10:00,2026-05-20 23:59,discover',
        '',
      ].join('\n'),
      { preset: STRIPE_DISPUTES },
    );
    const [d] = values<Dispute>(run, 'dispute');
    expect([networkName(d!.network), reasonInfo(d!.network, d!.reasonCode).family]).toEqual(['Discover', 'fraud']);
  });
});
