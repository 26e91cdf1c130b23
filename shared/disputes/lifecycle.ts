// Which of two records of one case (a dispute, or a refund claim) says where the case is now, when
// files are imported in any order: the newer data, by the provider's event times where both records
// carry one, else by the lifecycle, along which a record not known to be newer never moves a case back.
import type { DisputeStage, DisputeStatus } from '../domain/dispute';

/** What a record says of where its case is. */
export interface CaseState {
  status: DisputeStatus;
  /** Absent for a chargeback (and a refund claim); an inquiry or a fraud report comes before one. */
  stage?: DisputeStage;
  /** When the provider's event that gave `status` happened; absent where the export dates no event. */
  statusAt?: number;
}

/** How far along its lifecycle a status is: worked on after new, answered after that, decided last. */
const STEP: Record<DisputeStatus, number> = { new: 0, gathering_evidence: 1, submitted: 2, won: 3, lost: 3, accepted: 3 };

/**
 * Whether `update`, read after `current`, says where the case is now. A chargeback is newer than
 * its inquiry or fraud report, and never the other way round. Otherwise a later event than the one
 * behind `current` is newer data whatever it says (a pre-arbitration or a second presentment reopens a
 * decided case) and an earlier one older news; where either record dates no event, nothing says
 * `update` is the newer, so it may keep the case where it is or move it on (new, gathering evidence,
 * submitted, decided), never back. At the same step the record read last stands.
 */
export function isNewerState(current: CaseState, update: CaseState): boolean {
  const raised = (s: CaseState) => (s.stage === undefined ? 1 : 0);
  if (raised(update) !== raised(current)) return raised(update) > raised(current);
  if (current.statusAt !== undefined && update.statusAt !== undefined && update.statusAt !== current.statusAt) return update.statusAt > current.statusAt;
  return STEP[update.status] >= STEP[current.status];
}
