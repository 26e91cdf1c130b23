// Respond or accept: whether answering an open dispute is worth its cost. Expected value = the
// family's win rate (from the decided disputes in the cache) × the disputed amount − the cost of
// responding; respond when it is above zero. The cost and the fallback win rate are the analyst's.
import { isChargeback, type Dispute, type DisputeStatus } from '../domain/dispute';
import { formatMoney, minorRateInto, showDateTime } from '../domain/money';
import { reasonFamily, REASON_FAMILY_LABEL, type ReasonFamily } from './reasonCodes';

/** A family's own win rate is used from this many decided disputes on; below it, the default. */
export const MIN_DECIDED_FOR_RATE = 5;

export interface ResponseCost {
  /** ISO 4217, upper case. */
  currency: string;
  /** Cost of answering one dispute, in minor units of that currency. */
  costMinor: number;
}

export interface ResponseCostSettings {
  /** Per currency; a dispute in a currency not listed takes the first, converted at the report rates. */
  costs: ResponseCost[];
  /** Win rate assumed for a family with fewer than MIN_DECIDED_FOR_RATE decided disputes (0..1). */
  defaultWinRate: number;
  /** Where the figures come from, in the analyst's words. */
  source: string;
  /** When they were saved (epoch ms); null for the built-in default. */
  savedAt: number | null;
}

/**
 * The built-in default, in the account's main currency (the reporting currency of Reports → rates).
 * 25 is a placeholder, not a measured figure: roughly half an hour of an analyst's time to gather
 * and upload evidence. A 30 % win rate is likewise an assumption until the family has 5 decided
 * disputes of its own. Both are meant to be replaced with the team's figures in Settings.
 */
export function defaultResponseCost(mainCurrency: string): ResponseCostSettings {
  return {
    costs: [{ currency: mainCurrency.trim().toUpperCase() || 'EUR', costMinor: 2500 }],
    defaultWinRate: 0.3,
    source: 'built-in placeholder: about half an hour of analyst time per response; replace with your own cost',
    savedAt: null,
  };
}

/** Validates what the analyst entered; throws with the field that is wrong. */
export function cleanResponseCost(s: ResponseCostSettings, savedAt: number): ResponseCostSettings {
  if (!s.costs.length) throw new Error('Give the cost of responding in at least one currency');
  const seen = new Set<string>();
  const costs = s.costs.map((c, i) => {
    const currency = c.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`Cost ${i + 1}: the currency is a three-letter code such as EUR`);
    if (seen.has(currency)) throw new Error(`Cost ${i + 1}: ${currency} is listed twice`);
    seen.add(currency);
    if (!(Number.isInteger(c.costMinor) && c.costMinor >= 0 && c.costMinor <= 100_000_000))
      throw new Error(`Cost ${i + 1}: the cost is an amount of 0 or more, in ${currency}`);
    return { currency, costMinor: c.costMinor };
  });
  if (!(s.defaultWinRate >= 0 && s.defaultWinRate <= 1)) throw new Error('The default win rate is a share between 0 and 100 %');
  const source = s.source.trim();
  if (!source) throw new Error('Say where the cost comes from');
  if (source.length > 500) throw new Error('The source is at most 500 characters');
  return { costs, defaultWinRate: s.defaultWinRate, source, savedAt };
}

export type FamilyRecord = Partial<Record<ReasonFamily, { won: number; lost: number }>>;

/** Won and lost disputes per reason family: the record a family's win rate is read from. */
export function familyRecord(disputes: readonly Pick<Dispute, 'network' | 'reasonCode' | 'reasonText' | 'status' | 'stage'>[]): FamilyRecord {
  const out: FamilyRecord = {};
  for (const d of disputes) {
    // Chargebacks only: an inquiry that closed is no dispute won.
    if (!isChargeback(d) || (d.status !== 'won' && d.status !== 'lost')) continue;
    const r = (out[reasonFamily(d.network, d.reasonCode, d.reasonText)] ??= { won: 0, lost: 0 });
    r[d.status]++;
  }
  return out;
}

const OPEN: ReadonlySet<DisputeStatus> = new Set(['new', 'gathering_evidence']);

/** Still to be answered or accepted: new or gathering evidence, and a response is allowed. */
export function awaitsAnswer(d: Pick<Dispute, 'status' | 'dueAt'>): boolean {
  return OPEN.has(d.status) && d.dueAt > 0;
}

export interface ResponseHint {
  verdict: 'respond' | 'accept';
  /** The win rate used, in whole percent (the sum is shown with it, so it is computed with it too). */
  winRatePct: number;
  basis: 'family' | 'default';
  /** Decided disputes of the family in the cache. */
  decided: number;
  costMinor: number;
  expectedMinor: number;
  /** The sum in words: `win rate 38 % (family, 21 decided) × €120.00 − €25.00 cost = €20.60: respond`. */
  text: string;
}

/**
 * The hint's figure in short, for the disputes list: what responding is expected to bring (win rate ×
 * amount − cost), `respond: -€17.52`, never a bare sum that reads as the cost of accepting. Short: the
 * list's columns must still fit (the whole sum is on hover and on the dispute).
 */
export function expectedText(hint: Pick<ResponseHint, 'expectedMinor'>, currency: string): string {
  return `respond: ${formatMoney(hint.expectedMinor, currency)}`;
}

/** Report rates: the value of one unit of each currency in the reporting currency. */
export interface CostRates {
  currency: string;
  rates: Readonly<Record<string, number>>;
}

/** The cost in the dispute's currency: as listed, else the first cost converted through the report rates; null when no rate allows. */
export function costIn(currency: string, settings: ResponseCostSettings, rates: CostRates): { costMinor: number; note: string } | null {
  const c = currency.trim().toUpperCase();
  const listed = settings.costs.find((x) => x.currency === c);
  if (listed) return { costMinor: listed.costMinor, note: '' };
  const base = settings.costs[0];
  if (!base) return null;
  // Through the reporting currency, in minor units of each: a cost in EUR is 100 times a cost in JPY's units.
  const from = minorRateInto(base.currency, rates.currency, rates.rates);
  const to = minorRateInto(c, rates.currency, rates.rates);
  if (!from || !to) return null;
  const costMinor = Math.round((base.costMinor * from) / to);
  return { costMinor, note: ` (${formatMoney(base.costMinor, base.currency)} at the report rates)` };
}

/**
 * The hint for one open dispute, or why there is none. The win rate is rounded to whole percent
 * before it is multiplied, so the sum shown adds up to the figure shown.
 */
export function respondOrAccept(
  d: Pick<Dispute, 'network' | 'reasonCode' | 'reasonText' | 'amountMinor' | 'currency'>,
  record: FamilyRecord,
  settings: ResponseCostSettings,
  rates: CostRates,
): ResponseHint | { verdict: 'unknown'; text: string } {
  const family = reasonFamily(d.network, d.reasonCode, d.reasonText);
  const r = record[family] ?? { won: 0, lost: 0 };
  const decided = r.won + r.lost;
  const basis = decided >= MIN_DECIDED_FOR_RATE ? 'family' : 'default';
  const winRatePct = Math.round((basis === 'family' ? r.won / decided : settings.defaultWinRate) * 100);
  const cost = costIn(d.currency, settings, rates);
  if (!cost)
    return {
      verdict: 'unknown',
      text: `no cost of responding in ${d.currency} and no report rate to convert one: add a ${d.currency} cost under Cost of responding`,
    };
  const expectedMinor = Math.round((winRatePct * d.amountMinor) / 100) - cost.costMinor;
  const verdict = expectedMinor > 0 ? 'respond' : 'accept';
  const why =
    basis === 'family'
      ? `${REASON_FAMILY_LABEL[family].toLowerCase()}, ${decided} decided`
      : `default: ${decided} decided in ${REASON_FAMILY_LABEL[family].toLowerCase()}, under ${MIN_DECIDED_FOR_RATE}`;
  const text =
    `win rate ${winRatePct} % (${why}) × ${formatMoney(d.amountMinor, d.currency)} − ${formatMoney(cost.costMinor, d.currency)} cost${cost.note}` +
    ` = ${formatMoney(expectedMinor, d.currency)}: ${verdict}`;
  return { verdict, winRatePct, basis, decided, costMinor: cost.costMinor, expectedMinor, text };
}

/** The hint once a dispute's deadline has passed: nothing can be sent any more. */
export interface LateHint {
  verdict: 'late';
  text: string;
}

/**
 * The hint for a dispute that awaits an answer, at `now`: once its deadline has passed a response
 * can no longer be submitted, so it says so instead of weighing a response nobody can send.
 */
export function responseHint(
  d: Pick<Dispute, 'network' | 'reasonCode' | 'reasonText' | 'amountMinor' | 'currency' | 'dueAt'>,
  now: number,
  record: FamilyRecord,
  settings: ResponseCostSettings,
  rates: CostRates,
): ReturnType<typeof respondOrAccept> | LateHint {
  // The due time is the last moment a response counts as in time (the KPIs and urgencyOf read it so).
  if (d.dueAt < now)
    return {
      verdict: 'late',
      text: `the deadline to respond passed on ${showDateTime(d.dueAt)} UTC: a response can no longer be sent in time: accept it, or record what the network decided (won or lost)`,
    };
  return respondOrAccept(d, record, settings, rates);
}
