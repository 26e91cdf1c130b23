// How long an order may wait in Review before it is overdue, unless Settings say otherwise.
// Reports measure SLA turnaround against the same figure.

export const SLA_HOURS = 24;
