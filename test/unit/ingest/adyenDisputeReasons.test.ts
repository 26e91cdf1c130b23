// Adyen's dispute report writes the card scheme in `CB Scheme Code` (visa, mc — as the webhook's
// chargebackSchemeCode) and the scheme's reason code in `CB Reason Code` (10.4, 4837 — as
// chargebackReasonCode); public loaders of dispute_report_*.csv read them that way round.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { reasonFamily } from '../../../shared/disputes/reasonCodes';
import { runImport, values } from '../ingest/support';

const HEADER =
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone';

describe('Adyen dispute report: reason code column', () => {
  it('a Visa 10.4 and a Mastercard 4837 chargeback keep their scheme reason codes and read as fraud', async () => {
    const text = [
      HEADER,
      'Nordwind,NordwindDE,8836000000000101,#1004,visa,2026-05-12 08:00:00,CET,EUR,89.00,Chargeback,8836000000009901,Fraud,,,visa,10.4,2026-05-05 21:45:00,CET,EUR,89.00,2026-05-12 08:00:00,CET,2026-05-31 23:59:00,CET',
      'Nordwind,NordwindDE,8836000000000202,#1002,mc,2026-05-12 09:30:00,CET,EUR,120.00,Chargeback,8836000000009902,Fraud,,,mc,4837,2026-05-01 12:31:00,CET,EUR,120.00,2026-05-12 09:30:00,CET,2026-06-01 09:30:00,CET',
      '',
    ].join('\n');
    const disputes = values<Dispute>(await runImport(text), 'dispute');
    expect(disputes.map((d) => [d.id, d.network, d.reasonCode, reasonFamily(d.network, d.reasonCode)])).toEqual([
      ['8836000000009901', 'visa', '10.4', 'fraud'],
      ['8836000000009902', 'mastercard', '4837', 'fraud'],
    ]);
  });

  it('reads the code from whichever of the two columns holds it: the code with its name, or the scheme with its code', async () => {
    const text = [
      HEADER,
      // The code in `CB Scheme Code` and its name in `CB Reason Code`.
      'Nordwind,NordwindDE,8836000000000101,#1004,visa,2026-05-12 08:00:00,CET,EUR,89.00,Chargeback,8836000000009901,Fraud,,,10.4,Other Fraud-Card Absent Environment,2026-05-05 21:45:00,CET,EUR,89.00,2026-05-12 08:00:00,CET,2026-05-31 23:59:00,CET',
      // A request for information: the scheme and code in the RFI columns.
      'Nordwind,NordwindDE,8836000000000303,#1005,mc,2026-05-13 08:00:00,CET,EUR,40.00,RequestForInformation,8836000000009903,Consumer,mc,4853,,,2026-05-05 21:45:00,CET,EUR,40.00,2026-05-13 08:00:00,CET,2026-06-02 23:59:00,CET',
      '',
    ].join('\n');
    const disputes = values<Dispute>(await runImport(text), 'dispute');
    expect(disputes.map((d) => [d.network, d.reasonCode, reasonFamily(d.network, d.reasonCode)])).toEqual([
      ['visa', '10.4', 'fraud'],
      ['mastercard', '4853', 'consumer'],
    ]);
  });
});
