// The scoring matrix: rules as data (a signal, a condition, points) that an analyst can edit,
// a 0-100 score per order with the rules that fired and why, and thresholds that map a score to
// release / review / hold. Pure: the signals are computed elsewhere (signals.ts) per order.

/**
 * Each signal: what it measures (for the matrix editor) and how a fired rule reads. `by` is who
 * said so and when (" by K. Weber, 2026-11-18 14:00 UTC"), for the signals an analyst's verdict sets.
 */
export const SIGNALS = {
  countryMismatch: { label: 'Billing country differs from shipping country (1 = yes)', text: () => 'billing and shipping countries differ' },
  disposableEmail: { label: 'Disposable e-mail domain (1 = yes)', text: () => 'disposable e-mail domain' },
  pickupHighValue: {
    label: 'Parcel locker or post office delivery: order value in EUR',
    text: (v: number) => `€${Math.round(v)} order to a parcel locker or post office`,
  },
  ringSize: { label: 'Orders in its ring', text: (v: number) => `in a ring of ${v} orders` },
  ringFraudDisputes: { label: 'Fraud chargebacks in its ring', text: (v: number) => `${v} fraud chargeback${v === 1 ? '' : 's'} in its ring` },
  // The analysts' verdict on the ring (Rings screen): the ring's members score as what was found.
  ringConfirmedFraud: { label: 'Its ring was confirmed as fraud (1 = yes)', text: (_v: number, by = '') => `its ring was confirmed as fraud${by}` },
  ringBenign: {
    label: 'Its ring was judged benign (1 = yes): its ring size and ring chargebacks then add nothing',
    text: (_v: number, by = '') => `its ring was judged benign${by}: its ring size and chargebacks add nothing`,
  },
  priorChargebacks: {
    label: 'Earlier chargebacks on the same card, e-mail or address',
    text: (v: number) => `${v} earlier chargeback${v === 1 ? '' : 's'} on its card, e-mail or address`,
  },
  devicesPerCard: { label: 'Devices that used its card within 24 h', text: (v: number) => `card used on ${v} devices in 24 h` },
  accountsPerAddress: { label: 'Accounts shipping to its address within 7 days', text: (v: number) => `${v} accounts ship to its address within 7 days` },
  cardsPerDevice: { label: 'Cards used on its device within 24 h', text: (v: number) => `${v} cards used on its device in 24 h` },
  // What cardTesting.ts counts: tries on its device (a checkout session is its device), exact IP,
  // e-mail or account in the 24 h before it, and tries to pay this very order. Both texts say all of it.
  declinedCards: {
    label: 'Different cards declined on its device, exact IP, e-mail or account in the 24 h before it, or in tries to pay it',
    text: (v: number) => `${v} card${v === 1 ? '' : 's'} declined on it or its device, IP, e-mail or account in 24 h`,
  },
  cvcFailed: { label: 'The issuer says the CVC was wrong (1 = yes)', text: () => 'CVC check failed' },
  avsFailed: {
    label: 'Address check failed: 1 = postcode or line 1, 2 = both',
    text: (v: number) => (v >= 2 ? 'AVS: postcode and address both failed' : 'AVS: postcode or address failed'),
  },
  threeDsFailed: { label: '3-D Secure authentication failed (1 = yes)', text: () => '3-D Secure authentication failed' },
  // The file's own risk level: Shopify's fraud analysis for the own shop (the signal's name is older
  // than that). "Marketplace flags it" read wrong on every own-shop order, the only ones that have it.
  marketplaceRisk: {
    label: "Risk level the sales channel gives (Shopify's fraud analysis): 1 = medium, 2 = high",
    text: (v: number) => `the sales channel rates it ${v >= 2 ? 'high' : 'medium'} risk`,
  },
  newCustomer: { label: "Customer's first order (1 = yes)", text: () => "customer's first order" },
  valueVsHistory: { label: "Order value as a multiple of the customer's average", text: (v: number) => `${v.toFixed(1)}× the customer's average order` },
} as const satisfies Record<string, { label: string; text(v: number, by?: string): string }>;
export type Signal = keyof typeof SIGNALS;
export type SignalValues = Partial<Record<Signal, number>>;
/** Who set a signal and when, for the fired rule's text (" by K. Weber, 2026-11-18 14:00 UTC"). */
export type SignalSources = Partial<Record<Signal, string>>;

export interface Rule {
  id: string;
  signal: Signal;
  /** Fires when the signal's value is at least this (flags: 1). */
  atLeast: number;
  points: number;
}

export interface Matrix {
  version: number;
  rules: Rule[];
  /** Scores from `review` up go to review, from `hold` up are held. */
  thresholds: { review: number; hold: number };
}

export type Outcome = 'release' | 'review' | 'hold';

export interface Fired {
  ruleId: string;
  points: number;
  /** "+25 card used on 4 devices in 24 h" style text. */
  text: string;
}

export interface Score {
  score: number;
  outcome: Outcome;
  fired: Fired[];
  matrixVersion: number;
}

/**
 * The rules that carry the analysts' ring verdicts into the score: a ring confirmed as fraud puts
 * its orders at 100 (held whatever the thresholds), one judged benign adds nothing and says so (its
 * ring size and ring chargebacks are not counted, signals.ts). They are part of every matrix
 * (matrixInForce): a verdict is the team's finding, not a weight to tune away, and a matrix saved
 * before they existed would otherwise let a confirmed ring's orders through unheld.
 */
export const VERDICT_RULES: readonly Rule[] = [
  { id: 'ring-confirmed-fraud', signal: 'ringConfirmedFraud', atLeast: 1, points: 100 },
  { id: 'ring-benign', signal: 'ringBenign', atLeast: 1, points: 0 },
];

/**
 * Version 2 added card testing (declined-cards-*). A cache keeps scoring with the matrix it saved
 * last, rules and all; the default scores only where none was ever saved, and says so by its number.
 * The verdict rules (VERDICT_RULES) are in every matrix, this one included, without a new number.
 */
export const DEFAULT_MATRIX: Matrix = {
  version: 2,
  rules: [
    { id: 'ring-fraud', signal: 'ringFraudDisputes', atLeast: 1, points: 40 },
    { id: 'prior-chargeback', signal: 'priorChargebacks', atLeast: 1, points: 35 },
    { id: 'ring-3', signal: 'ringSize', atLeast: 3, points: 25 },
    { id: 'devices-per-card', signal: 'devicesPerCard', atLeast: 3, points: 25 },
    { id: 'cards-per-device', signal: 'cardsPerDevice', atLeast: 3, points: 25 },
    // One or two declined cards is a customer with a blocked card or a typo; three different ones in
    // a day is someone working through a list, and ten leaves no doubt: review on its own.
    { id: 'declined-cards-10', signal: 'declinedCards', atLeast: 10, points: 40 },
    { id: 'declined-cards-3', signal: 'declinedCards', atLeast: 3, points: 25 },
    { id: 'pickup-200', signal: 'pickupHighValue', atLeast: 200, points: 20 },
    { id: 'accounts-per-address', signal: 'accountsPerAddress', atLeast: 3, points: 20 },
    { id: 'marketplace-risk-high', signal: 'marketplaceRisk', atLeast: 2, points: 30 },
    { id: 'marketplace-risk-medium', signal: 'marketplaceRisk', atLeast: 1, points: 10 },
    { id: 'disposable-email', signal: 'disposableEmail', atLeast: 1, points: 20 },
    { id: 'country-mismatch', signal: 'countryMismatch', atLeast: 1, points: 15 },
    { id: 'value-3x', signal: 'valueVsHistory', atLeast: 3, points: 15 },
    { id: 'new-customer', signal: 'newCustomer', atLeast: 1, points: 5 },
    ...VERDICT_RULES,
  ],
  thresholds: { review: 30, hold: 60 },
};

function describe(rule: Rule, value: number, by?: string): string {
  return `${rule.points >= 0 ? '+' : ''}${rule.points} ${SIGNALS[rule.signal].text(value, by)}`;
}

/**
 * The matrix as it scores: a saved matrix that has no rule for a ring verdict (saved before they
 * existed) takes the built-in one, so a verdict counts whichever matrix is in force. Its points
 * stay the analyst's to change; its version number is the saved one's.
 */
export function matrixInForce(m: Matrix): Matrix {
  const missing = VERDICT_RULES.filter((v) => !m.rules.some((r) => r.signal === v.signal) && !m.rules.some((r) => r.id === v.id));
  return missing.length === 0 ? m : { ...m, rules: [...m.rules, ...missing] };
}

/**
 * The built-in matrix's rules a saved matrix lacks (by id): rules added to the app after the
 * analyst saved a version (card testing came with v2), which that version never scores with
 * until they are added to a draft and saved.
 */
export function rulesNewInDefault(m: Matrix): Matrix['rules'] {
  const have = new Set(m.rules.map((r) => r.id));
  return DEFAULT_MATRIX.rules.filter((r) => !have.has(r.id));
}

/** Checks a matrix an analyst edited: a clear message for the first problem, or null. */
export function matrixProblem(m: Matrix): string | null {
  const ids = new Set<string>();
  for (const r of m.rules) {
    if (!(r.signal in SIGNALS)) return `Rule ${r.id}: unknown signal ${r.signal}`;
    if (ids.has(r.id)) return `Two rules are called ${r.id}`;
    ids.add(r.id);
    if (!Number.isFinite(r.points) || r.points < -100 || r.points > 100) return `Rule ${r.id}: points must be between -100 and 100`;
    if (!Number.isFinite(r.atLeast)) return `Rule ${r.id}: the condition needs a number`;
  }
  const { review, hold } = m.thresholds;
  if (!(review >= 0 && hold <= 100 && review <= hold)) return 'Thresholds must satisfy 0 ≤ review ≤ hold ≤ 100';
  return null;
}

/**
 * Rules on the same signal are tiers (marketplace risk: medium +10, high +30): of those a value
 * reaches, only the one with the highest bar counts, so a high flag adds 30, not 30 and 10.
 */
export function scoreOrder(signals: SignalValues, m: Matrix, sources: SignalSources = {}): Score {
  const fired: Fired[] = [];
  let total = 0;
  const tier = new Map<string, Rule>();
  for (const r of m.rules) {
    const v = signals[r.signal];
    if (v === undefined || v < r.atLeast) continue;
    const best = tier.get(r.signal);
    if (!best || r.atLeast > best.atLeast) tier.set(r.signal, r);
  }
  for (const r of m.rules) {
    if (tier.get(r.signal) !== r) continue;
    const v = signals[r.signal]!;
    total += r.points;
    fired.push({ ruleId: r.id, points: r.points, text: describe(r, v, sources[r.signal]) });
  }
  const score = Math.max(0, Math.min(100, total));
  const outcome: Outcome = score >= m.thresholds.hold ? 'hold' : score >= m.thresholds.review ? 'review' : 'release';
  fired.sort((a, b) => b.points - a.points);
  return { score, outcome, fired, matrixVersion: m.version };
}

export interface Confusion {
  /** Orders the matrix would hold / send to review / release. */
  hold: number;
  review: number;
  release: number;
  /** "Flagged" = hold or review; "fraud" = a known outcome: fraud chargeback or confirmed-fraud ring. */
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

/** How a matrix would have sorted the cached history, against what is known to have been fraud. */
export function whatIf(scored: readonly { outcome: Outcome; fraud: boolean }[]): Confusion {
  const c: Confusion = { hold: 0, review: 0, release: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
  for (const s of scored) {
    c[s.outcome]++;
    const flagged = s.outcome !== 'release';
    if (flagged && s.fraud) c.truePositive++;
    else if (flagged) c.falsePositive++;
    else if (s.fraud) c.falseNegative++;
    else c.trueNegative++;
  }
  return c;
}
