// How long an order may wait in Review before it is overdue, unless Settings say otherwise.
// Reports measure SLA turnaround against the same figure.

export const SLA_HOURS = 24;

/**
 * Orders older than this many days when they arrive are history, not work: stored, linked and
 * reported, but not queued for review (a year of imported history would otherwise flood Review).
 */
export const REVIEW_WINDOW_DAYS = 14;

/** The oldest order time that still goes to the queue at `now`. */
export function reviewWindowStart(now: number, windowDays: number = REVIEW_WINDOW_DAYS): number {
  return now - windowDays * 86_400_000;
}
