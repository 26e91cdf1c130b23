import { describe, expect, it } from 'vitest';
import { byDeadline, countdown, urgencyOf } from '../../../shared/disputes/deadlines';
import type { Dispute } from '../../../shared/domain/dispute';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 24, 12);
const d = (id: string, dueIn: number | null, status: Dispute['status'] = 'new'): Pick<Dispute, 'id' | 'status' | 'dueAt' | 'openedAt'> => ({
  id,
  status,
  dueAt: dueIn === null ? 0 : NOW + dueIn * H,
  openedAt: NOW - 100 * H,
});

describe('dispute deadlines', () => {
  it('orders overdue, then due within 48 h, then the rest by due date; closed and no-deadline last', () => {
    const list = [
      d('later', 200),
      d('won', -5, 'won'),
      d('soon', 47),
      d('none', null),
      d('late', -1),
      d('sooner', 2),
      d('submitted', -3, 'submitted'),
      d('latest-overdue', -30),
    ];
    expect(byDeadline(list, NOW).map((x) => x.id)).toEqual(['latest-overdue', 'late', 'sooner', 'soon', 'later', 'none', 'won', 'submitted']);
    expect(urgencyOf(d('x', 48), NOW)).toBe('due-48h');
    expect(urgencyOf(d('x', 49), NOW)).toBe('open');
    expect(urgencyOf(d('x', -1, 'gathering_evidence'), NOW)).toBe('overdue');
  });

  it('says how long is left', () => {
    expect(countdown(NOW + 31 * H, NOW)).toBe('in 31 h');
    expect(countdown(NOW + 12 * 24 * H, NOW)).toBe('in 12 d');
    expect(countdown(NOW - 51 * H, NOW)).toBe('overdue by 2 d 3 h');
    expect(countdown(0, NOW)).toBe('—');
  });

  it('never understates how long a deadline is overdue: minutes under a day, a part hour as a whole one after', () => {
    const MIN = 60_000;
    // 18 h 59 min past the target read "overdue by 18 h".
    expect(countdown(NOW - 18 * H - 59 * MIN, NOW)).toBe('overdue by 18 h 59 min');
    expect(countdown(NOW - 18 * H - 59 * MIN - 30_000, NOW)).toBe('overdue by 19 h');
    expect(countdown(NOW - 40 * MIN, NOW)).toBe('overdue by 40 min');
    expect(countdown(NOW - 1, NOW)).toBe('overdue by 1 min');
    expect(countdown(NOW - H, NOW)).toBe('overdue by 1 h');
    expect(countdown(NOW - 30 * H - MIN, NOW)).toBe('overdue by 31 h');
    expect(countdown(NOW - 51 * H - MIN, NOW)).toBe('overdue by 2 d 4 h');
    // The time left is rounded down: never more time than there is.
    expect(countdown(NOW + 18 * H + 59 * MIN, NOW)).toBe('in 18 h');
    expect(countdown(NOW + 47 * H + 59 * MIN, NOW)).toBe('in 47 h');
  });
});
