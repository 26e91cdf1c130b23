// The KPI report for a period: review (from the decision log, or the team's decisions), per
// analyst, disputes, and the card-network programme months the period touches. One assembler for
// the Reports screen and the CLI.
import type { TeamDecisionFacts } from '../team/standing';
import type { Dispute } from '../domain/dispute';
import { disputeKpis, type DisputeKpis, type LoggedAnswerTimes } from './disputeKpis';
import { disputeWins, type DisputeWins } from './disputeWins';
import { programmeNetwork, type ProgrammeMonth, type Threshold } from './programmes';
import { reviewKpis, type ReviewKpis } from './reviewKpis';
import { teamKpis, type TeamKpis } from './teamKpis';

export interface KpiInput {
  from: number;
  to: number;
  slaHours: number;
  /** This laptop's log, and with a team the teammates' decisions (each with its laptop's device id). */
  decisions: readonly TeamDecisionFacts[];
  /** Order time per order key, for the decided orders at least. */
  placedAt: ReadonlyMap<string, number>;
  /** Orders placed in [from, to). */
  ordersPlaced: number;
  disputes: readonly Dispute[];
  /** When each dispute was moved to submitted. */
  submittedAt: ReadonlyMap<string, number>;
  /** Accepts and outcomes the workflow log times (loggedAnswers); absent where the log is not at hand (the CLI). */
  loggedAnswers?: LoggedAnswerTimes;
  /** Programme months over all the data (programmeMonths / programmeMonthsOf). */
  programmes: readonly ProgrammeMonth[];
  thresholds: readonly Threshold[];
  /**
   * The card brand (lower case) of each disputed order: a dispute whose file names no card network
   * (network `stripe`) counts under it by network, as the programmes count it (programmeNetwork).
   */
  brandOf?: ReadonlyMap<string, string>;
  /** The channel (channelLabel) of each disputed order in the cache. */
  channelOf?: ReadonlyMap<string, string>;
  /** Per dispute id, the evidence items ticked; absent where the workflow log is not at hand (the CLI). */
  evidenceTicked?: ReadonlyMap<string, ReadonlySet<string>>;
  /** For the answered-in-time share: disputes not due yet by then are left out. */
  now?: number;
  /** Order keys confirmed fraud (confirmedFraud: fraud chargebacks, confirmed rings, known outcomes): no false positives. */
  confirmedFraud?: ReadonlySet<string>;
  /** Order keys whose known outcome is legitimate: held and cancelled, a false positive. */
  knownLegit?: ReadonlySet<string>;
  /** The time of the latest order in the data: a period that runs past it holds partial data. */
  latestOrder?: number;
  /** The reporting currency and the rates the disputes' values were converted at (ratesApplied), when any were. */
  convertedAt?: ConvertedAt;
}

/** Dispute values converted into `currency` at `rates` (1 unit = rate units of `currency`), of `asOf`. */
export interface ConvertedAt {
  currency: string;
  rates: Record<string, number>;
  asOf: string;
}

export interface KpiReport {
  from: number;
  to: number;
  slaHours: number;
  review: ReviewKpis;
  /** Per analyst and the unresolved conflicts; absent in snapshots saved before team reports. */
  team?: TeamKpis;
  disputes: DisputeKpis;
  /** Win rates by channel and by evidence item; absent in snapshots saved before they existed. */
  wins?: DisputeWins;
  /** Months that overlap [from, to), oldest first, both programmes. */
  programmes: ProgrammeMonth[];
  thresholds: Threshold[];
  /**
   * Set when the period runs past today (`now`) or past the latest order in the data: its figures
   * count only to `at`, not the whole period. Absent for a whole period (and in older snapshots).
   */
  partial?: PartialPeriod;
  /**
   * Set when a dispute value of the period was converted from another currency: the figures and the
   * title page say at which rates. Absent when none was (and in snapshots saved before it was said).
   */
  convertedAt?: ConvertedAt;
}

/** Where a period's figures stop short of its end: today (the month is not over), or the latest order in the data. */
export interface PartialPeriod {
  at: number;
  by: 'today' | 'latest-order';
}

const DAY = 86_400_000;

/**
 * Whether a period ending at `to` (exclusive) holds partial data: the data stops more than a day
 * before the period's end, or before today when the period is not over (the fraud trend's day of
 * grace: orders of the latest day may still be arriving), or the period has not ended by `now`.
 */
export function partialPeriod(to: number, now: number | undefined, latestOrder: number | undefined): PartialPeriod | undefined {
  const due = now === undefined ? to : Math.min(now, to);
  if (latestOrder !== undefined && latestOrder + DAY < due) return { at: latestOrder, by: 'latest-order' };
  if (now !== undefined && now < to) return { at: now, by: 'today' };
  return undefined;
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

export function kpiReport(input: KpiInput): KpiReport {
  const first = monthOf(input.from);
  const last = monthOf(input.to - 1);
  // Disputes by network name the card network, never the PSP: a Visa card's dispute from a Stripe
  // export without Card Brand is Visa's, as VAMP counts it.
  const brandOf = input.brandOf;
  const placed = brandOf ? input.disputes.map((d) => (d.network === 'stripe' ? { ...d, network: programmeNetwork(d, brandOf) } : d)) : input.disputes;
  const partial = partialPeriod(input.to, input.now, input.latestOrder);
  return {
    from: input.from,
    to: input.to,
    slaHours: input.slaHours,
    review: reviewKpis(input.decisions, input.placedAt, input.ordersPlaced, input.from, input.to, input.slaHours, input.confirmedFraud, input.knownLegit),
    team: teamKpis(input.decisions, input.placedAt, input.from, input.to, input.slaHours, input.confirmedFraud, input.knownLegit),
    disputes: disputeKpis(placed, input.from, input.to, input.submittedAt, input.now ?? Infinity, input.loggedAnswers),
    wins: disputeWins(input.disputes, input.from, input.to, input.channelOf ?? new Map(), input.evidenceTicked ?? null),
    programmes: input.programmes.filter((m) => m.month >= first && m.month <= last),
    thresholds: [...input.thresholds],
    ...(partial ? { partial } : {}),
    ...(input.convertedAt && Object.keys(input.convertedAt.rates).length ? { convertedAt: input.convertedAt } : {}),
  };
}
