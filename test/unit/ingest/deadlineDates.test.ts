// A response deadline given as a date only ("Due Date 2026-06-09") is met by answering on that day:
// the dispute is due by the end of 9 June in the file's zone, not overdue from its first minute.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { countdown, urgencyOf } from '../../../shared/disputes/deadlines';
import { disputeKpis } from '../../../shared/reports/disputeKpis';
import { runImport, values } from '../ingest/support';

const CSV = [
  'Dispute ID,PSP Reference,Order Reference,Reason Code,Network,Amount,Currency,Opened Date,Due Date,Status',
  'DP-2026-001,PSP-77001,#1003,13.1,Visa,1234.50,EUR,2026-05-20,2026-06-09,open',
  '',
].join('\n');

describe('a date-only response deadline', () => {
  it('is not overdue on the due day itself, and an answer that day is in time', async () => {
    const [d] = values<Dispute>(await runImport(CSV), 'dispute');
    // 9 June 2026, 14:00 in Berlin (CEST): the due day, hours before it ends.
    const dueDayAfternoon = Date.UTC(2026, 5, 9, 12);
    expect(urgencyOf(d!, dueDayAfternoon)).toBe('due-48h');
    expect(countdown(d!.dueAt, dueDayAfternoon)).not.toMatch(/overdue/);
    // Answered in the app that afternoon: its workflow shows it submitted.
    const kpis = disputeKpis(
      [{ ...d!, status: 'submitted' }],
      Date.UTC(2026, 4, 1),
      Date.UTC(2026, 5, 1),
      new Map([[d!.id, dueDayAfternoon]]),
      Date.UTC(2026, 5, 20),
    );
    expect({ respondable: kpis.all.respondable, inTime: kpis.all.respondedInTime }).toEqual({ respondable: 1, inTime: 1 });
  });
});
