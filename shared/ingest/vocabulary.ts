// The words platforms use for states, mapped to the workbench's: Shopify financial/fulfilment
// states, Amazon order-status, Zalando states, Stripe and Adyen dispute states, card schemes.
import type { CardNetwork, DisputeEscalation, DisputeStage, DisputeStatus } from '../domain/dispute';
import type { OrderStatus } from '../domain/order';
import type { Payment } from '../domain/payment';

function token(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9äöüß]/g, '');
}

// Later in this list wins when several columns speak (Shopify `paid` + `fulfilled` -> fulfilled).
const ORDER_RANK: Record<OrderStatus, number> = { open: 0, paid: 1, fulfilled: 2, refunded: 3, cancelled: 4 };

const ORDER_WORDS: Record<string, OrderStatus> = {
  pending: 'open',
  open: 'open',
  offen: 'open',
  new: 'open',
  neu: 'open',
  initial: 'open',
  unfulfilled: 'open',
  partial: 'paid',
  partiallypaid: 'paid',
  partiallyfulfilled: 'paid',
  partiallyrefunded: 'paid',
  unshipped: 'paid',
  partiallyshipped: 'paid',
  shipping: 'paid',
  paid: 'paid',
  bezahlt: 'paid',
  authorized: 'paid',
  authorised: 'paid',
  approved: 'paid',
  captured: 'paid',
  succeeded: 'paid',
  pendingavailability: 'open',
  unfulfillable: 'open',
  fulfilled: 'fulfilled',
  shipped: 'fulfilled',
  delivered: 'fulfilled',
  versandt: 'fulfilled',
  versendet: 'fulfilled',
  teilversendet: 'paid',
  teilweiseversendet: 'paid',
  teilweiseversandt: 'paid',
  versandbereit: 'paid',
  versandfertig: 'paid',
  readytoship: 'paid',
  awaitingshipment: 'paid',
  awaitingfulfillment: 'paid',
  unpaid: 'open',
  unbezahlt: 'open',
  inbearbeitung: 'open',
  verschickt: 'fulfilled',
  geliefert: 'fulfilled',
  zugestellt: 'fulfilled',
  complete: 'fulfilled',
  completed: 'fulfilled',
  abgeschlossen: 'fulfilled',
  dispatched: 'fulfilled',
  refunded: 'refunded',
  erstattet: 'refunded',
  ruckerstattet: 'refunded',
  rückerstattet: 'refunded',
  returned: 'refunded',
  retourniert: 'refunded',
  restocked: 'refunded',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  storniert: 'cancelled',
  storno: 'cancelled',
  voided: 'cancelled',
  void: 'cancelled',
  abgebrochen: 'cancelled',
};

function orderWord(raw: string): OrderStatus | null {
  const t = token(raw);
  if (t === '') return null;
  const exact = ORDER_WORDS[t];
  if (exact) return exact;
  // A negated or awaited word says what has not happened yet, never the state it names: an order
  // "not shipped" or "Versand ausstehend" read as fulfilled would leave the review queue unseen.
  if (/^(not|nicht|noch|non|kein)/.test(t) || /(ausstehend|pending|awaiting|waiting|bereit|fertig|ready)/.test(t))
    return /ship|fulfil|deliver|versand|versend|geliefert|paid|bezahlt/.test(t) ? 'open' : null;
  if (/cancel|storn/.test(t)) return 'cancelled';
  if (/refund|erstatt|retour/.test(t)) return 'refunded';
  if (/ship|fulfil|deliver|versand|versend|geliefert/.test(t)) return 'fulfilled';
  if (/paid|bezahlt|authori|captur/.test(t)) return 'paid';
  return null;
}

/**
 * Order status from the status cells of one order (joined with `|`) and whether it has a
 * cancellation date. `unknown` counts words that were not understood.
 */
export function orderStatusOf(statusCells: string, cancelled: boolean): { status: OrderStatus; unknown: boolean } {
  if (cancelled) return { status: 'cancelled', unknown: false };
  let best: OrderStatus = 'open';
  let unknown = false;
  for (const part of statusCells.split('|')) {
    if (part.trim() === '') continue;
    const s = orderWord(part);
    if (s === null) unknown = true;
    else if (ORDER_RANK[s] > ORDER_RANK[best]) best = s;
  }
  return { status: best, unknown };
}

/**
 * Adyen's `Refused` and PayPal's `Denied` are failed attempts too: card testing shows as those.
 * PayPal writes the status in the account's language: `Negato`, `Denegado`, `Geweigerd`,
 * `Odrzucono` are denied payments, `Remboursé`, `Rimborsato`, `Reembolsado`, `Terugbetaald`,
 * `Zwrócono` refunded ones (accents are dropped first: `Zwrócono` is read as `zwrocono`).
 * Stripe's unified payments export writes a PaymentIntent's state: `requires_payment_method` (a
 * declined card returns the intent there), `requires_action` (3-D Secure never completed),
 * `requires_confirmation`, `Incomplete` and `Expired` took no money either. `requires_capture`
 * (Uncaptured) is an authorisation, read as paid like Adyen's `Authorised`.
 */
export function paymentStatusOf(statusCell: string, amount4: number, refunded4: number): Payment['status'] {
  // A payments file repeats its status cells a million times: only text beyond ASCII is folded.
  const t = token(/[^\x00-\x7f]/.test(statusCell) ? statusCell.normalize('NFD').replace(/\p{M}/gu, '') : statusCell);
  if (/fail|declin|block|fehlgeschlagen|abgelehnt|cancel|storn|refus|denied|annul|anulow|negat|rifiut|deneg|rechaz|geweigerd|odrzuc/.test(t)) return 'failed';
  if (t === 'requirespaymentmethod' || t === 'requiresaction' || t === 'requiresconfirmation' || t === 'incomplete' || t === 'expired') return 'failed';
  if (t === 'refunded' || t === 'erstattet' || /rembours|rimborsat|reembols|terugbetaald|zwrocon/.test(t) || (refunded4 > 0 && refunded4 >= amount4))
    return 'refunded';
  return 'succeeded';
}

const DISPUTE_WORDS: Record<string, DisputeStatus> = {
  warningneedsresponse: 'new',
  needsresponse: 'new',
  new: 'new',
  neu: 'new',
  open: 'new',
  offen: 'new',
  chargeback: 'new',
  notificationofchargeback: 'new',
  requestforinformation: 'new',
  retrievalrequest: 'new',
  inquiry: 'new',
  pending: 'new',
  // PayPal's case report: a case that waits for the seller is new to the seller's team.
  waitingforyourresponse: 'new',
  gatheringevidence: 'gathering_evidence',
  inprogress: 'gathering_evidence',
  evidence: 'gathering_evidence',
  warningunderreview: 'submitted',
  underreview: 'submitted',
  submitted: 'submitted',
  responded: 'submitted',
  eingereicht: 'submitted',
  informationsupplied: 'submitted',
  defended: 'submitted',
  // PayPal's case report: PayPal disputes the chargeback with the issuer for the seller, or decides
  // the case itself (a real DDR row: "Being Reviewed By PayPal", laurynas/paypal-csv-reports).
  disputingonyourbehalf: 'submitted',
  beingreviewedbypaypal: 'submitted',
  disputedonyourbehalf: 'submitted',
  won: 'won',
  gewonnen: 'won',
  warningclosed: 'won',
  // PayPal's case outcomes (its disputes API's outcome_code; the case report's Outcome column): the
  // buyer's withdrawal ends a case as the issuer's withdrawal does. RESOLVED_WITH_PAYOUT and DENIED
  // do not say whose favour: they stay unknown (a warning, no status change).
  resolvedsellerfavour: 'won',
  resolvedsellerfavor: 'won',
  canceledbybuyer: 'won',
  cancelledbybuyer: 'won',
  resolvedbuyerfavour: 'lost',
  resolvedbuyerfavor: 'lost',
  chargebackreversed: 'won',
  chargebackreversedexternally: 'won',
  prearbitrationwon: 'won',
  reversed: 'won',
  lost: 'lost',
  verloren: 'lost',
  // Adyen's SecondChargeback: the issuer declined the defence and the amount is debited again,
  // final in almost all cases (Adyen's webhook reference and help centre). Where the row gives a
  // new defence period the merchant may still answer: the builder reads it as open (DisputeBuilder).
  secondchargeback: 'lost',
  // An issuer's pre-arbitration after a reversal asks the merchant to answer again.
  prearbitration: 'new',
  prearbitrationlost: 'lost',
  chargebackexternally: 'lost',
  // Adyen's dispute events (report Record Type, webhook eventCode) as Adyen's webhook reference
  // and juspay/hyperswitch read them: a defence period that ended unanswered is not contested; an
  // issuer that let its response time lapse, or withdrew its pre-arbitration, lost.
  disputeopenedwithchargeback: 'new',
  disputedefenseperiodended: 'accepted',
  issuerresponsetimeframeexpired: 'won',
  prearbitrationissuerwithdrawn: 'won',
  prearbitrationaccepted: 'accepted',
  schemearbitrationwon: 'won',
  schemearbitrationlost: 'lost',
  // Braintree (AUTO_ACCEPTED, DISPUTED, EXPIRED) and PPRO (AWAITING_RESOLUTION, EXPIRED): a case whose
  // response time ran out unanswered is closed uncontested, as Adyen's DisputeDefensePeriodEnded.
  disputed: 'submitted',
  awaitingresolution: 'submitted',
  expired: 'accepted',
  autoaccepted: 'accepted',
  accepted: 'accepted',
  akzeptiert: 'accepted',
  chargerefunded: 'accepted',
  notificationoffraud: 'accepted',
  fraudreport: 'accepted',
  refunded: 'accepted',
  // Stripe `prevented`: the issuer's dispute was stopped before it was filed (Visa RDR refunds the
  // cardholder at once): the money went back uncontested, and no chargeback was ever raised.
  prevented: 'accepted',
};

export function disputeStatusOf(raw: string): DisputeStatus | null {
  return DISPUTE_WORDS[token(raw)] ?? null;
}

/** The states and record types that say a dispute record is not (yet) a chargeback. */
const STAGE_WORDS: Record<string, DisputeStage> = {
  requestforinformation: 'inquiry',
  retrievalrequest: 'inquiry',
  inquiry: 'inquiry',
  // Stripe: an inquiry is a warning until the issuer escalates it to a chargeback.
  warningneedsresponse: 'inquiry',
  warningunderreview: 'inquiry',
  warningclosed: 'inquiry',
  // Stopped before it became a chargeback (see DISPUTE_WORDS): no card programme counts it.
  prevented: 'inquiry',
  notificationoffraud: 'fraud_report',
  fraudreport: 'fraud_report',
};

/** The states and record types that say the issuer took a chargeback further after the merchant's answer. */
const ESCALATION_WORDS: Record<string, DisputeEscalation> = {
  secondchargeback: 'second_chargeback',
  prearbitration: 'pre_arbitration',
  prearbitrationwon: 'pre_arbitration',
  prearbitrationlost: 'pre_arbitration',
  prearbitrationaccepted: 'pre_arbitration',
  prearbitrationissuerwithdrawn: 'pre_arbitration',
};

/** How far past the first chargeback a state or record type says the dispute went; null when it says nothing of it. */
export function disputeEscalationOf(raw: string): DisputeEscalation | null {
  return ESCALATION_WORDS[token(raw)] ?? null;
}

/** The stage a state or record type names; null for a chargeback (or a state that says nothing of it). */
export function disputeStageOf(raw: string): DisputeStage | null {
  return STAGE_WORDS[token(raw)] ?? null;
}

/**
 * Adyen's events that only follow up the record before them, a request for information as much as
 * a chargeback: the answer supplied, the defence period ended, the issuer's time lapsed, its
 * comments. They say nothing of whether the dispute is a chargeback.
 */
const FOLLOW_UP_WORDS: ReadonlySet<string> = new Set(['informationsupplied', 'disputedefenseperiodended', 'issuerresponsetimeframeexpired', 'issuercomments']);

export function isFollowUpState(raw: string): boolean {
  return FOLLOW_UP_WORDS.has(token(raw));
}

/**
 * The cell that states a dispute's state among one row's status cells (a status mapped to several
 * columns, in the mapping's order): the first the import knows, else the first filled one. PayPal's
 * case report writes the result of a closed case in Outcome and `None` there while it is open.
 */
export function stateCell(cells: readonly string[]): string {
  return cells.find((c) => disputeStatusOf(c) !== null || disputeStageOf(c) !== null || isFollowUpState(c)) ?? cells[0] ?? '';
}

const NETWORK_WORDS: Record<string, CardNetwork> = {
  visa: 'visa',
  visaelectron: 'visa',
  vpay: 'visa',
  electron: 'visa',
  mastercard: 'mastercard',
  mc: 'mastercard',
  maestro: 'mastercard',
  debitmastercard: 'mastercard',
  mastercarddebit: 'mastercard',
  amex: 'amex',
  americanexpress: 'amex',
  discover: 'discover',
  discovernetwork: 'discover',
  paypal: 'paypal',
};

/**
 * Card network from a brand or payment-method cell, else from the shape of the reason code (Visa
 * `10.4`, Mastercard `4837`, Amex `F29`, Discover `UA02`), else `stripe` for Stripe's word-style reasons. Null when
 * nothing tells.
 */
export function cardNetworkOf(brand: string, reasonCode: string): CardNetwork | null {
  const t = token(brand);
  if (t !== '') {
    const exact = NETWORK_WORDS[t];
    if (exact) return exact;
    if (t.startsWith('visa')) return 'visa';
    if (t.startsWith('mc') || t.includes('master') || t.includes('maestro')) return 'mastercard';
    if (t.startsWith('amex') || t.includes('americanexpress')) return 'amex';
    if (t.startsWith('discover')) return 'discover';
  }
  const r = reasonCode.trim();
  // Visa's Processing Error 12.6 has two parts, 12.6.1 and 12.6.2; Mastercard's 4999 (domestic, Europe) sits beside its 48xx codes.
  if (/^1[0-3]\.\d{1,2}(\.\d)?$/.test(r)) return 'visa';
  if (/^48\d{2}$/.test(r) || r === '4999') return 'mastercard';
  // Discover's fraud codes (UA01, UA02 …) and RN2 have Amex's shape; Amex has no code of theirs.
  if (/^UA\d{2}$/.test(r) || r === 'RN2') return 'discover';
  if (/^[A-Z][A-Z0-9]\d{1,2}$/.test(r)) return 'amex';
  if (/^[a-z_]+$/.test(r)) return 'stripe';
  return null;
}

const brandMemo = new Map<string, string>();

/** Card brand as the workbench writes it: `visa`, `mastercard`, `amex`, `discover`, else the lower-cased word. */
export function cardBrandOf(raw: string): string {
  if (raw === '') return '';
  // A payments file repeats a handful of brand cells a million times.
  let brand = brandMemo.get(raw);
  if (brand === undefined) {
    const network = cardNetworkOf(raw, '');
    brand = network && network !== 'stripe' ? network : token(raw);
    if (brandMemo.size < 500) brandMemo.set(raw, brand);
  }
  return brand;
}
