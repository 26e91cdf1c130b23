// How the dispute workflow log says each chargeback was answered: when it was submitted, when it
// was accepted, and which outcomes the analyst recorded with no answer before them. The exports say
// none of this; the KPIs read it (disputeKpis). Pure.
import type { Dispute, DisputeStatus } from '../domain/dispute';
import type { LoggedAnswerTimes } from './disputeKpis';

export interface LoggedAnswers extends Required<LoggedAnswerTimes> {
  /** When each was submitted: its first submission since it was raised as a chargeback, else its first. */
  submittedAt: Map<string, number>;
  acceptedAt: Map<string, number>;
  decidedUnanswered: Set<string>;
}

/** A status event of the log, under the id of the dispute that stands for the one it was logged on. */
export interface LoggedStatus {
  disputeId: string;
  kind: string;
  status?: DisputeStatus;
  at: number;
}

/**
 * `disputes`: as they stand, with their workflow status; `events`: the log in order; `provider`: the
 * status each one's exports give it (before the workflow), which tells where a case stood when no
 * step was logged before its outcome.
 */
export function loggedAnswers(
  disputes: readonly Pick<Dispute, 'id' | 'status' | 'chargebackAt'>[],
  events: readonly LoggedStatus[],
  provider: ReadonlyMap<string, DisputeStatus>,
): LoggedAnswers {
  const steps = new Map<string, { status: DisputeStatus; at: number }[]>();
  for (const e of events) if (e.kind === 'status' && e.status) steps.set(e.disputeId, [...(steps.get(e.disputeId) ?? []), { status: e.status, at: e.at }]);
  const out: LoggedAnswers = { submittedAt: new Map(), acceptedAt: new Map(), decidedUnanswered: new Set() };
  for (const d of disputes) {
    const log = steps.get(d.id);
    if (!log) continue;
    // An answer to its inquiry before it was raised answered no chargeback (disputeKpis tells them apart).
    const submissions = log.filter((s) => s.status === 'submitted').map((s) => s.at);
    const since = d.chargebackAt;
    const submitted = (since === undefined ? undefined : submissions.find((t) => t >= since)) ?? submissions[0];
    if (submitted !== undefined) out.submittedAt.set(d.id, submitted);
    const last = log.at(-1)!;
    // The status that stands is the one last logged: the provider's outcome did not override it.
    if (last.status !== d.status) continue;
    if (d.status === 'accepted') out.acceptedAt.set(d.id, last.at);
    if ((d.status === 'won' || d.status === 'lost') && submitted === undefined) {
      // An export that says submitted, or won (no case is won unanswered), shows an answer sent outside
      // the app (the provider's dashboard): its time is unknown, not missing.
      const prov = provider.get(d.id);
      if (prov === 'submitted' || prov === 'won') continue;
      // Open in the app when the outcome was recorded: the step before it was an open one, or there
      // was none (the exports' status then may be a later export's "lost", which says nothing of an
      // answer: re-importing it must not move a closed month's case out of "not answered").
      const before = log.at(-2)?.status;
      if (before === undefined || before === 'new' || before === 'gathering_evidence') out.decidedUnanswered.add(d.id);
    }
  }
  return out;
}
