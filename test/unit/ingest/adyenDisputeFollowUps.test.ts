// Adyen's dispute report writes one row per dispute event (Record Type), one daily file per day.
// Some events only follow up the record before them: InformationSupplied (the merchant answered),
// DisputeDefensePeriodEnded ("You have not defended the dispute within the timeframe, or the
// defense period ended because you accepted liability"), IssuerResponseTimeframeExpired ("The
// issuer accepted your defense of the dispute or did not respond in time"): Adyen's webhook
// reference (docs.adyen.com/api-explorer/Webhooks/1/post/DISPUTE_DEFENSE_PERIOD_ENDED and
// …/ISSUER_RESPONSE_TIMEFRAME_EXPIRED); juspay/hyperswitch reads the first as accepted, the second
// as won; a public Adyen report loader reads DisputeDefensePeriodEnded as a report Record Type
// (read 2026-12-06). Adyen's chargeback flow (docs.adyen.com/risk-management/chargeback-guidelines):
// Request for Information, Information Supplied, then a Notification of Chargeback only if the
// issuer goes on. An answered request for information is no chargeback.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { planBatchWrites, type Stamped } from '../../../shared/ingest/writePlan';
import { parsedRecordSchema } from '../../../shared/team/importRecordSchema';
import { runImport } from './support';

const HEADER =
  'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Record Date,Record Date TimeZone,Dispute Currency,Dispute Amount,Record Type,Dispute PSP Reference,Dispute Reason,RFI Scheme Code,RFI Reason Code,CB Scheme Code,CB Reason Code,Payment Date,Payment Date TimeZone,Payment Currency,Payment Amount,Dispute Date,Dispute Date TimeZone,Dispute End Date,Dispute End Date TimeZone';
const row = (date: string, type: string, end: string) =>
  `Nordwind,NordwindDE,8836000000000202,#1002,amex,${date},CET,EUR,120.00,${type},8836000000009902,Fraud,amex,F29,,,2026-04-20 12:31:00,CET,EUR,120.00,2026-04-28 09:30:00,CET,${end},${end ? 'CET' : ''}`;
const file = (...rows: string[]) => [HEADER, ...rows, ''].join('\n');

const RFI = row('2026-04-28 09:30:00', 'RequestForInformation', '2026-05-18 09:30:00');
const SUPPLIED = row('2026-05-02 11:00:00', 'InformationSupplied', '');
const CHARGEBACK = row('2026-05-20 10:00:00', 'Chargeback', '2026-06-09 10:00:00');

/** Imports the files in turn into one store, merging as the import writer does. */
async function importInTurn(...files: string[]): Promise<{ dispute: Dispute; warnings: string[] }> {
  const stored = new Map<string, Stamped<Dispute>>();
  const warnings: string[] = [];
  let importId = 0;
  for (const f of files) {
    const run = await runImport(f);
    warnings.push(...run.summary.warnings.map((w) => w.code));
    const plan = planBatchWrites({ created: run.written, updated: [] }, ++importId, {
      payment: () => null,
      dispute: (k) => stored.get(k) ?? null,
      claim: () => null,
    });
    for (const c of plan.disputes) stored.set(c.key, c.next);
  }
  const { stamp: _s, ...dispute } = stored.get('8836000000009902')!;
  return { dispute, warnings };
}

describe('Adyen dispute report: events that follow up a record', () => {
  it('a request for information answered in the same file stays an inquiry, submitted', async () => {
    const { dispute } = await importInTurn(file(RFI, SUPPLIED));
    expect([dispute.stage, dispute.status]).toEqual(['inquiry', 'submitted']);
  });

  it('a request for information answered in the next day’s file stays an inquiry, submitted', async () => {
    const { dispute } = await importInTurn(file(RFI), file(SUPPLIED));
    expect([dispute.stage, dispute.status]).toEqual(['inquiry', 'submitted']);
  });

  it('a team import chunk carries the follow-up mark to teammates', async () => {
    const [record] = (await runImport(file(SUPPLIED))).written;
    expect(record).toMatchObject({ kind: 'dispute', followsUp: true });
    expect(parsedRecordSchema.parse(record)).toEqual(record);
  });

  it('becomes a chargeback when the chargeback comes, and an answer to the chargeback keeps it one', async () => {
    const { dispute } = await importInTurn(file(RFI), file(SUPPLIED), file(CHARGEBACK), file(row('2026-05-25 10:00:00', 'InformationSupplied', '')));
    expect([dispute.stage, dispute.status]).toEqual([undefined, 'submitted']);
  });

  it('a chargeback whose defence period ended unanswered is accepted (not contested), not new and overdue', async () => {
    const ended = row('2026-06-10 00:05:00', 'DisputeDefensePeriodEnded', '');
    for (const files of [[file(CHARGEBACK, ended)], [file(CHARGEBACK), file(ended)]]) {
      const { dispute, warnings } = await importInTurn(...files);
      expect([dispute.stage, dispute.status]).toEqual([undefined, 'accepted']);
      expect(warnings).not.toContain('unknown-dispute-status');
    }
  });

  it('a later file whose only row names no state (the issuer’s comments) leaves the answered chargeback submitted', async () => {
    // ISSUER_COMMENTS: "No payment, refund, or dispute state update" (juspay/hyperswitch's reading of Adyen's event).
    const comments = row('2026-05-27 10:00:00', 'IssuerComments', '');
    const { dispute } = await importInTurn(file(CHARGEBACK), file(row('2026-05-25 10:00:00', 'InformationSupplied', '')), file(comments));
    expect([dispute.stage, dispute.status]).toEqual([undefined, 'submitted']);
  });

  it('a defended chargeback the issuer let lapse is won', async () => {
    const expired = row('2026-07-01 08:00:00', 'IssuerResponseTimeframeExpired', '');
    const { dispute, warnings } = await importInTurn(file(CHARGEBACK), file(row('2026-05-25 10:00:00', 'InformationSupplied', '')), file(expired));
    expect([dispute.stage, dispute.status]).toEqual([undefined, 'won']);
    expect(warnings).not.toContain('unknown-dispute-status');
  });
});
