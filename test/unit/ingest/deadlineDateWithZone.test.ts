// A response deadline written as a date and a zone, without a time ("2026-06-09 UTC", "2026-06-09Z",
// "09.06.2026 CET"), is as much a date-only deadline as "2026-06-09": it is met by the end of that
// day in the zone it names, not overdue from the first minute of the day.
import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../shared/domain/dispute';
import { urgencyOf } from '../../../shared/disputes/deadlines';
import { runImport, values } from '../ingest/support';

const csv = (due: string) =>
  [
    'Dispute ID,PSP Reference,Order Reference,Reason Code,Network,Amount,Currency,Opened Date,Due Date,Status',
    `DP-2026-001,PSP-77001,#1003,13.1,Visa,1234.50,EUR,2026-05-20,${due},open`,
    '',
  ].join('\n');

const dueOf = async (due: string) => values<Dispute>(await runImport(csv(due)), 'dispute')[0]!.dueAt;

describe('a date-only response deadline that names its zone', () => {
  it('ends at the end of that day in the named zone', async () => {
    expect(new Date(await dueOf('2026-06-09 UTC')).toISOString()).toBe('2026-06-09T23:59:59.000Z');
    expect(new Date(await dueOf('2026-06-09Z')).toISOString()).toBe('2026-06-09T23:59:59.000Z');
    expect(new Date(await dueOf('2026-06-09 Europe/London')).toISOString()).toBe('2026-06-09T22:59:59.000Z');
    // Europe's autumn change (25 October 2026, a 25-hour day): the day ends at 23:59:59 CET.
    expect(new Date(await dueOf('25.10.2026 CET')).toISOString()).toBe('2026-10-25T22:59:59.000Z');
  });

  it('is not overdue on the due day itself', async () => {
    const dueAt = await dueOf('2026-06-09 UTC');
    expect(urgencyOf({ status: 'new', dueAt }, Date.UTC(2026, 5, 9, 18))).toBe('due-48h');
  });

  it('still reads a deadline with a time of day as written', async () => {
    expect(new Date(await dueOf('2026-06-09 12:00 UTC')).toISOString()).toBe('2026-06-09T12:00:00.000Z');
    expect(new Date(await dueOf('2026-06-09T12:00:00Z')).toISOString()).toBe('2026-06-09T12:00:00.000Z');
  });
});
