// Stripe sets a dispute's `evidence_details.due_by` to 0 (or none) when no response is allowed. An
// export or a spreadsheet that saved it again writes that 0 as `0` or as the Unix epoch's day
// (`1970-01-01`, `01.01.1970 00:00`). It is no deadline: never a dispute overdue since 1970 at the
// top of the deadline list, nor a warning that the column holds values that are not dates.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { urgencyOf } from '../../../shared/disputes/deadlines';
import { runImport, values } from './support';

const HEADER = 'id,Created (UTC),Amount,Currency,Reason,Status,Evidence Due By (UTC),Charge ID,order_id (metadata),Card Brand';
const now = Date.UTC(2026, 3, 2, 12);

describe('a Stripe dispute whose evidence due date is 0: no response allowed', () => {
  it('reads 0, the epoch’s day and the epoch’s first second as no deadline, without a warning', async () => {
    const dues = ['0', '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00 +0000'];
    const text = [HEADER, ...dues.map((due, i) => `dp_${i},2026-03-28 23:30:00,10.00,eur,fraudulent,needs_response,${due},ch_${i},100${i},visa`), ''].join(
      '\n',
    );
    const run = await runImport(text);
    expect(run.summary.warnings).toEqual([]);
    const disputes = values<Dispute>(run, 'dispute');
    expect(disputes.map((d) => [d.id, d.dueAt, urgencyOf(d, now)])).toEqual(dues.map((_, i) => [`dp_${i}`, 0, 'no-deadline']));
  });

  it('as a German spreadsheet saved it again: 01.01.1970 is no deadline either', async () => {
    const text = [HEADER.replace(/,/g, ';'), 'dp_9;28.03.2026 23:30;10,00;eur;fraudulent;needs_response;01.01.1970;ch_9;1009;visa', ''].join('\r\n');
    const [d] = values<Dispute>(await runImport(text), 'dispute');
    expect(d!.dueAt).toBe(0);
  });

  it('a real deadline near midnight is kept to the second', async () => {
    const text = [HEADER, 'dp_1,2026-03-28 23:30:00,10.00,eur,fraudulent,needs_response,2026-03-29 23:59:59,ch_1,1001,visa', ''].join('\n');
    const [d] = values<Dispute>(await runImport(text), 'dispute');
    expect(d!.dueAt).toBe(Date.UTC(2026, 2, 29, 23, 59, 59));
  });
});
