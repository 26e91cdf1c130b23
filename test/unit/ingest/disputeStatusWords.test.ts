// States other PSPs' dispute exports write, read into the generic dispute CSV. Braintree's
// DisputeStatus: ACCEPTED, AUTO_ACCEPTED, DISPUTED, EXPIRED, LOST, OPEN, UNDER_REVIEW, WON
// (developer.paypal.com/braintree/graphql/reference/types/dispute-status); PPRO's case statuses:
// EXPIRED "reaches its response due date without a response from the merchant … no longer
// available for dispute", AWAITING_RESOLUTION "the merchant's submitted Dispute request is
// acknowledged … analyzing it to determine if the case will be WON or LOST"
// (developerhub.ppro.com/risk-management/docs/case-status); read 2026-12-06. An expired case is
// closed without a defence, as Adyen's DisputeDefensePeriodEnded: not contested, not open and overdue.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { GENERIC_DISPUTES } from '../../../shared/ingest/formats/disputes';
import { runImport, values } from './support';

describe('dispute states of other PSPs', () => {
  it('reads expired and auto-accepted as accepted, disputed and awaiting resolution as submitted', async () => {
    const run = await runImport(
      [
        'Dispute ID,PSP Reference,Order Reference,Reason Code,Amount,Currency,Opened Date,Due Date,Status,Network',
        'd1,p1,#1,10.4,10.00,EUR,2026-05-01,2026-05-20,EXPIRED,visa',
        'd2,p2,#2,10.4,10.00,EUR,2026-05-01,2026-05-20,AUTO_ACCEPTED,visa',
        'd3,p3,#3,13.1,10.00,EUR,2026-05-01,2026-05-20,DISPUTED,visa',
        'd4,p4,#4,13.1,10.00,EUR,2026-05-01,2026-05-20,AWAITING_RESOLUTION,visa',
        '',
      ].join('\n'),
      { preset: GENERIC_DISPUTES },
    );
    expect(values<Dispute>(run, 'dispute').map((d) => [d.id, d.status])).toEqual([
      ['d1', 'accepted'],
      ['d2', 'accepted'],
      ['d3', 'submitted'],
      ['d4', 'submitted'],
    ]);
    expect(run.summary.warnings.map((w) => w.code)).not.toContain('unknown-dispute-status');
  });
});
