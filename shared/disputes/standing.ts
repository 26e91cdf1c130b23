// One dispute per charge, however many exports name it. Stripe writes a charge's dispute on the
// charge's row of its payments export, without the dispute's id (the import keys it
// `<charge>/dispute`), and again with its `dp_…` id in its disputes export; Adyen may write a
// request for information without a Dispute PSP Reference (the import keys it by the payment's) and
// its chargeback with one. Both stay as they were imported; whatever lists or counts disputes takes
// the ones that stand, so one dispute is never two in a list, a win rate or a chargeback ratio.
import { chargebackDate, isChargeback, isDecided, type Dispute, type DisputeStatus } from '../domain/dispute';
import { isNewerState } from './lifecycle';

/** The id the payments export's dispute columns give a charge's dispute (ingest/build/payments.ts). */
export const derivedDisputeId = (paymentId: string): string => `${paymentId}/dispute`;

export interface StandingDisputes<T> {
  disputes: T[];
  /** The id of a dispute left out → the id of the one that stands for it (its workflow events count there). */
  standsFor: Map<string, string>;
}

export type Imported = Dispute & { stamp?: { importId: number } };

/**
 * An inquiry or a fraud report whose rows named no dispute reference, so the import keyed it by its
 * payment's: the first life of a dispute whose later rows may carry its own reference.
 */
const keyedByPayment = (d: Dispute): boolean => d.paymentId !== '' && d.id === d.paymentId && !isChargeback(d);

/**
 * The dispute of its own reference an inquiry or fraud report keyed by its payment is the start of:
 * the first on the same payment (and provider) opened when it was or later. One opened before it is
 * another dispute (a chargeback won, then a new request on the payment), and so is none.
 */
function laterLife<T extends Imported>(k: T, own: readonly T[] | undefined): T | undefined {
  let found: T | undefined;
  for (const d of own ?? []) {
    if (d.id === k.id || d.openedAt < k.openedAt) continue;
    if (!found || d.openedAt < found.openedAt) found = d;
  }
  return found;
}

/**
 * The disputes that stand: a dispute the payments export derived for a charge is left out when
 * the charge has exactly one dispute of its own id from the same provider (with several, nothing
 * says which one it is). The one that stands takes the status, stage and deadline of the derived
 * one when that holds the newer data (isNewerState, the record imported later read as the update):
 * exports are imported in any order, so the one imported last is not the newer for that alone.
 * It keeps the order either record links, and the card network either names.
 */
export function standingDisputes<T extends Imported>(stored: readonly T[]): StandingDisputes<T> {
  const chargeKey = (d: Imported) => `${d.provider}\u0000${d.paymentId}`;
  const own = new Map<string, T[]>();
  for (const d of stored) {
    if (d.paymentId === '' || d.id === derivedDisputeId(d.paymentId)) continue;
    const list = own.get(chargeKey(d));
    if (list) list.push(d);
    else own.set(chargeKey(d), [d]);
  }
  const standsFor = new Map<string, string>();
  /** The derived record whose status stands for a dispute of its own id. */
  const newer = new Map<string, T>();
  // The card network the payments export's row names (its Card Brand), for a dispute whose own
  // export names none (`stripe`: only a word-style reason): the card schemes' programmes count by network.
  const network = new Map<string, Dispute['network']>();
  // The order the payments export's row links (the charge's order reference), for a dispute whose own
  // export links none (Stripe's disputes export names an order only through exported metadata).
  const order = new Map<string, string>();
  // The day the inquiry or fraud report keyed by its payment opened, for the dispute it started.
  const startedAt = new Map<string, number>();
  for (const k of stored) {
    if (!keyedByPayment(k)) continue;
    const real = laterLife(k, own.get(chargeKey(k)));
    if (!real) continue;
    standsFor.set(k.id, real.id);
    const [earlier, later] = (k.stamp?.importId ?? 0) > (real.stamp?.importId ?? 0) ? [real, k] : [k, real];
    if ((isNewerState(earlier, later) ? later : earlier) === k) newer.set(real.id, k);
    if (k.openedAt < real.openedAt) startedAt.set(real.id, k.openedAt);
    if (real.orderKey === '' && k.orderKey !== '') order.set(real.id, k.orderKey);
  }
  for (const d of stored) {
    if (d.paymentId === '' || d.id !== derivedDisputeId(d.paymentId)) continue;
    const mine = own.get(chargeKey(d));
    if (mine?.length !== 1) continue;
    const real = mine[0]!;
    standsFor.set(d.id, real.id);
    const [earlier, later] = (d.stamp?.importId ?? 0) > (real.stamp?.importId ?? 0) ? [real, d] : [d, real];
    if ((isNewerState(earlier, later) ? later : earlier) === d) newer.set(real.id, d);
    if (real.network === 'stripe' && d.network !== 'stripe') network.set(real.id, d.network);
    if (real.orderKey === '' && d.orderKey !== '') order.set(real.id, d.orderKey);
  }
  const disputes: T[] = [];
  for (const d of stored) {
    if (standsFor.has(d.id)) continue;
    const derived = newer.get(d.id);
    let stood = derived ? withStateOf(d, derived) : d;
    const named = network.get(d.id);
    if (named) stood = { ...stood, network: named };
    const linked = order.get(d.id);
    if (linked) stood = { ...stood, orderKey: linked };
    const started = startedAt.get(d.id);
    // Opened with its inquiry; a chargeback since it was raised, as the schemes count it.
    if (started !== undefined)
      stood = isChargeback(stood) ? { ...stood, openedAt: started, chargebackAt: chargebackDate(stood) } : { ...stood, openedAt: started };
    disputes.push(stood);
  }
  return { disputes, standsFor };
}

/** `d` with the status, deadline and stage of `derived`: a chargeback once either record is one. */
function withStateOf<T extends Imported>(d: T, derived: Imported): T {
  const out = { ...d, status: derived.status, dueAt: derived.dueAt || d.dueAt };
  if (derived.stage === undefined) delete out.stage;
  return out;
}

/**
 * The status of a dispute or refund claim the app has logged steps for: the provider's outcome (won,
 * lost, accepted) stands over a workflow step (new, gathering evidence, submitted) logged before it;
 * otherwise the last logged status.
 */
export function statusThatStands(provider: DisputeStatus, logged: DisputeStatus | undefined): DisputeStatus {
  if (logged === undefined) return provider;
  return isDecided(provider) && !isDecided(logged) ? provider : logged;
}

/** What the status rule reads of a workflow event (a dispute event as stored). */
export interface WorkflowEvent {
  disputeId: string;
  kind: string;
  status?: DisputeStatus;
  /** When it was logged (epoch ms). */
  at?: number;
}

/**
 * The deadline a dispute had in the cache at time `at` (what the first import to write it after `at`
 * replaced); undefined when no import wrote it since, or that import created it.
 */
export type DueWhenLogged = (disputeId: string, at: number) => number | undefined;

/** The disputes that stand with their workflow status, and what their export records alone say. */
export interface DisputesWithWorkflow<T> extends StandingDisputes<T> {
  /**
   * Each standing dispute's status as its export records give it together (standingDisputes), before
   * any logged step: the provider's word, which a logged accept is corrected against (acceptCorrection).
   */
  exportedStatus: Map<string, DisputeStatus>;
}

/**
 * The disputes that stand, each with the status its workflow log gives it: the last status event
 * logged under its id or under the id of a dispute it stands for (`events` in log order).
 * `importedAt` gives when an import began, by its id: a won or lost logged in the app gives way to a
 * stage the provider reopened the case with after it (a pre-arbitration, a second chargeback: still
 * open, imported later, dated after the outcome was logged or, undated, due after it).
 */
export function disputesWithWorkflow<T extends Imported>(
  stored: readonly T[],
  events: readonly WorkflowEvent[],
  importedAt: (importId: number) => number | undefined = () => undefined,
  dueWhenLogged: DueWhenLogged = () => undefined,
): DisputesWithWorkflow<T> {
  const { disputes, standsFor } = standingDisputes(stored);
  const dueOf = new Map(stored.map((d) => [d.id, d.dueAt]));
  const status = new Map<string, WorkflowEvent & { status: DisputeStatus }>();
  for (const e of events) if (e.kind === 'status' && e.status) status.set(standsFor.get(e.disputeId) ?? e.disputeId, { ...e, status: e.status });
  // An outcome the provider's export gives (won, lost, accepted) is final: a workflow step that comes
  // before any outcome (new, gathering evidence, submitted) cannot stand over it.
  const workflowStatus = (d: T): DisputeStatus => {
    const logged = status.get(d.id);
    if (logged === undefined) return d.status;
    if (statusThatStands(d.status, logged.status) === d.status) return d.status;
    // The provider can only have moved the case on since the step was logged if an import wrote it
    // after that, and left it open.
    const imported = d.stamp ? importedAt(d.stamp.importId) : undefined;
    const at = logged.at;
    if (at === undefined || imported === undefined || imported <= at || isDecided(d.status)) return logged.status;
    if (logged.status === 'won' || logged.status === 'lost') {
      // Reopened: a provider that dates its state (statusAt) says whether it spoke after the outcome
      // was logged; else a later deadline than the one the case had then: written again with the same
      // deadline (a comment row, a team re-apply) is not the provider reopening it.
      const reopened = d.statusAt !== undefined ? d.statusAt > at : d.dueAt > (dueWhenLogged(d.id, at) ?? at);
      return reopened ? d.status : logged.status;
    }
    if (isDecided(logged.status)) return logged.status;
    // A workflow step (submitted, gathering evidence) answered the deadline the case had then: a
    // later one imported since is a new stage to answer (an inquiry raised as a chargeback, a
    // pre-arbitration), and the provider's open status shows it instead of the old step. The
    // deadline then: the standing record's, or (a record first written since, as Stripe's dp_ after
    // a step logged on the charge's dispute from the payments export) that of the record the step
    // was logged on.
    const onOther = logged.disputeId !== d.id ? logged.disputeId : undefined;
    const whenLogged = dueWhenLogged(d.id, at) ?? (onOther === undefined ? undefined : (dueWhenLogged(onOther, at) ?? dueOf.get(onOther)));
    return whenLogged !== undefined && d.dueAt > whenLogged ? d.status : logged.status;
  };
  return {
    disputes: disputes.map((d) => ({ ...d, status: workflowStatus(d) })),
    standsFor,
    exportedStatus: new Map(disputes.map((d) => [d.id, d.status])),
  };
}
