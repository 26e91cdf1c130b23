// Dispute KPIs for a period: opened (count and value), answered before the due date, outcomes,
// and win rates by count and by value, overall and by reason family and network. Pure.
import { chargebackDate, isChargeback, type CardNetwork, type Dispute } from '../domain/dispute';
import { reasonFamily, type ReasonFamily } from '../disputes/reasonCodes';

export interface DisputeFigures {
  opened: number;
  openedValueMinor: number;
  /**
   * Chargebacks whose response was due by now (or that were answered at a logged time), and of them
   * those answered in time: submitted, or accepted, by the deadline.
   */
  respondable: number;
  respondedInTime: number;
  /**
   * Of respondedInTime, those accepted (not contested) by the deadline: a deliberate, timely answer,
   * shown apart so the share is not read as evidence sent. Absent in snapshots saved before, which
   * counted an accept as no answer.
   */
  acceptedInTime?: number;
  /**
   * Imported as submitted, won or lost with no submission logged: when, or for a lost one whether,
   * it was answered is unknown, so it is in neither figure above. Absent in snapshots saved before.
   */
  answerTimeUnknown?: number;
  /**
   * Imported as accepted with no accept logged: the import reads Adyen's expired and auto-accepted
   * cases, and refunds, as accepted too, so whether it was a choice in time or a lapse is unknown;
   * in neither figure above. Absent in snapshots saved before.
   */
  acceptedTimeUnknown?: number;
  won: number;
  lost: number;
  accepted: number;
  /** won / (won + lost); null when nothing was decided. */
  winRate: number | null;
  winRateByValue: number | null;
}

export interface DisputeKpis {
  all: DisputeFigures;
  byFamily: Partial<Record<ReasonFamily, DisputeFigures>>;
  byNetwork: Partial<Record<CardNetwork, DisputeFigures>>;
  /** Values are summed per currency only when one currency is present; otherwise the figures say so. */
  currency: string | null;
}

/** What the workflow log says of answers besides submissions (loggedAnswers). */
export interface LoggedAnswerTimes {
  /** When each dispute that stands accepted was accepted in the app. */
  acceptedAt?: ReadonlyMap<string, number>;
  /** Won or lost as the analyst recorded it while the app had the case open, with no answer logged. */
  decidedUnanswered?: ReadonlySet<string>;
}

/**
 * `from`..`to` (ms, end exclusive) selects disputes by opened date. `submittedAt` is when each
 * dispute was moved to submitted (from its workflow log); a status submitted, won or lost without
 * one is counted apart (answerTimeUnknown), never as in time: Stripe evidence can be submitted after
 * the due date (evidence_details.past_due), and a dispute closed without evidence or left to lapse
 * is lost. Disputes not yet due at `now` and unanswered are left out of the answered-in-time share.
 * A submission logged before the dispute was raised as a chargeback answered its inquiry, not the
 * chargeback: the chargeback counts as unanswered (its workflow status still says submitted).
 * Accepting is an answer too: the merchant tells the network, by the deadline, that it will not
 * contest (Stripe's *accept*, Adyen's acceptDispute), a choice the respond-or-accept hint may have
 * advised. An accept logged by the deadline counts as answered in time (`logged.acceptedAt`, shown
 * apart as acceptedInTime), one logged after it as not; an accept imported with none logged is
 * counted apart (acceptedTimeUnknown). An outcome the analyst recorded while the case was open in
 * the app, with no answer logged (`logged.decidedUnanswered`: past its deadline, the network found
 * without one) counts as due and not answered in time.
 */
export function disputeKpis(
  disputes: readonly Dispute[],
  from: number,
  to: number,
  submittedAt: ReadonlyMap<string, number> = new Map(),
  now = Infinity,
  logged: LoggedAnswerTimes = {},
): DisputeKpis {
  // Chargebacks only: an inquiry closed without one is no dispute won, a fraud report no dispute at all.
  // Counted when raised as chargebacks: an inquiry opened in May that became one in June is June's.
  const inPeriod = disputes.filter((d) => isChargeback(d) && chargebackDate(d) >= from && chargebackDate(d) < to);
  const currencies = new Set(inPeriod.map((d) => d.currency));
  const group = <K extends string>(key: (d: Dispute) => K) => {
    const out: Partial<Record<K, Dispute[]>> = {};
    for (const d of inPeriod) (out[key(d)] ??= []).push(d);
    return Object.fromEntries(Object.entries(out).map(([k, list]) => [k, figures(list as Dispute[], submittedAt, now, logged)])) as Partial<
      Record<K, DisputeFigures>
    >;
  };
  return {
    all: figures(inPeriod, submittedAt, now, logged),
    byFamily: group((d) => reasonFamily(d.network, d.reasonCode, d.reasonText)),
    byNetwork: group((d) => d.network),
    currency: currencies.size === 1 ? [...currencies][0]! : null,
  };
}

function figures(list: readonly Dispute[], submittedAt: ReadonlyMap<string, number>, now: number, answers: LoggedAnswerTimes): DisputeFigures {
  let won = 0;
  let lost = 0;
  let wonValue = 0;
  let decidedValue = 0;
  let respondable = 0;
  let inTime = 0;
  let timeUnknown = 0;
  let acceptedInTime = 0;
  let acceptedUnknown = 0;
  let accepted = 0;
  const decidedCurrencies = new Set<string>();
  for (const d of list) {
    if (d.status === 'won' || d.status === 'lost') decidedCurrencies.add(d.currency);
    if (d.status === 'won') {
      won++;
      wonValue += d.amountMinor;
      decidedValue += d.amountMinor;
    } else if (d.status === 'lost') {
      lost++;
      decidedValue += d.amountMinor;
    } else if (d.status === 'accepted') accepted++;
    if (d.dueAt > 0) {
      const logged = submittedAt.get(d.id);
      // The inquiry's answer (logged before the chargeback was raised) is no answer to the chargeback;
      // nor is an answer to a case its workflow shows open again (new, gathering evidence: a later
      // stage to answer, as the Disputes screen shows it, disputesWithWorkflow).
      const openAgain = d.status === 'new' || d.status === 'gathering_evidence';
      const at = logged !== undefined && !openAgain && (d.chargebackAt === undefined || logged >= d.chargebackAt) ? logged : undefined;
      const onlyInquiryAnswered = logged !== undefined && at === undefined;
      const acceptedAt = d.status === 'accepted' ? answers.acceptedAt?.get(d.id) : undefined;
      if (at !== undefined) {
        respondable++;
        if (at <= d.dueAt) inTime++;
      } else if (acceptedAt !== undefined && (d.chargebackAt === undefined || acceptedAt >= d.chargebackAt)) {
        // Accepted in the app: an answer, in time when by the deadline, counted whether due yet or not.
        respondable++;
        if (acceptedAt <= d.dueAt) {
          inTime++;
          acceptedInTime++;
        }
      } else if (onlyInquiryAnswered && d.status === 'submitted') {
        // Submitted is the inquiry's step: the chargeback is not answered, due or not yet.
        if (d.dueAt < now) respondable++;
      } else if (d.status === 'accepted' && acceptedAt === undefined) {
        // Imported so: by choice in time, or by lapse (Adyen's expired), the export does not say.
        acceptedUnknown++;
      } else if ((d.status === 'won' || d.status === 'lost') && answers.decidedUnanswered?.has(d.id)) {
        // Open in the app until the analyst recorded the network's decision, past the deadline: no answer went in time.
        respondable++;
      } else if (d.status === 'submitted' || d.status === 'won' || d.status === 'lost') {
        // Imported so, with no submission logged: the time of the answer (or, lost, the answer) is unknown.
        timeUnknown++;
      } else if (d.dueAt < now) {
        // Due and not answered (still open, or accepted on the inquiry only). Not yet due: counted neither way until it is.
        respondable++;
      }
    }
  }
  return {
    opened: list.length,
    openedValueMinor: list.reduce((n, d) => n + d.amountMinor, 0),
    respondable,
    respondedInTime: inTime,
    acceptedInTime,
    answerTimeUnknown: timeUnknown,
    acceptedTimeUnknown: acceptedUnknown,
    won,
    lost,
    accepted,
    winRate: won + lost ? won / (won + lost) : null,
    // Values arrive converted into the reporting currency where a rate allows (disputesInCurrency);
    // one left in its own currency for want of a rate does not add up with the rest: no rate by value
    // then. Only the decided count: an open dispute in another currency adds nothing to either sum.
    winRateByValue: decidedValue && decidedCurrencies.size === 1 ? wonValue / decidedValue : null,
  };
}
