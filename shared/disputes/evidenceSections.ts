// The evidence pack's printed tables (cover, order, payment, IP and device) and the pieces they are
// built from: card and check wording, the customer's timeline, CE 3.0 prior choice and duplicate charges.
import { formatDate, formatDateTime, formatMoney } from '../domain/money';
import { channelLabel, orderKey, type Order, type OrderStatus } from '../domain/order';
import { providerName } from '../domain/payment';
import { JOINED_BY_ASSUMED_SHOP } from '../orders/paymentFit';
import { EVIDENCE_CASE_LABEL, type EvidenceCase } from './evidenceCase';
import { networkAndCode, networkName } from './reasonCodes';
import { postalAddress, STRIPE_LIMITS } from './stripeEvidence';
import type { DisputeStatus } from '../domain/dispute';
import type { EvidenceInput, EvidencePack, PackOrder, PackPrior, TimelineEntry } from './evidence';

const DAY_MS = 86_400_000;

/** The cache knows orders, not their lines: the description names the order and its value. */
export function productDescription(o: Order): string {
  return `Goods of order ${o.externalId} (${channelLabel(o)}, ${formatDate(o.createdAt)}), ${formatMoney(o.totalMinor, o.currency)}`;
}

function cardText(o: Order): string {
  if (!o.cardLast4) return '';
  return `${o.cardBrand ? networkName(o.cardBrand) + ' ' : ''}BIN ${o.cardBin || '?'} •••• ${o.cardLast4}`;
}

const CHECK_WORD: Record<string, string> = { pass: 'passed', fail: 'failed', unavailable: 'unavailable', unchecked: 'not checked' };
const word = (v: string | undefined) => (v ? (CHECK_WORD[v] ?? v) : '');

/** The two priors sent to Stripe: most shared elements first, then the most recent. */
export function choosePriors(priors: PackPrior[]): PackPrior[] {
  return [...priors].sort((a, b) => b.shared.length - a.shared.length || b.order.createdAt - a.order.createdAt).slice(0, STRIPE_LIMITS.ce3Priors);
}

/**
 * A dispute's state in the printed timeline, as the bank reads it: open, answered, or its outcome.
 * The workflow's own steps ("New", "Gathering evidence") are the shop's desk, not the bank's business.
 */
const AS_THE_BANK_READS: Record<DisputeStatus, string> = {
  new: 'open',
  gathering_evidence: 'open',
  submitted: 'answered, not yet decided',
  won: 'decided for the merchant',
  lost: 'decided for the cardholder',
  // Imports read a lapse (Adyen's expired, a defence period ended) as accepted too: "not contested"
  // is true of both, "accepted by the merchant" only of a choice.
  accepted: 'not contested',
};

/**
 * An order's state in the printed pack, in the words its argument uses ("fulfilled (shipped)",
 * "refunded"), not the cache's keys. An open order states only that it was placed: the export may
 * say it is unpaid, or only that it is not yet shipped.
 */
const ORDER_AS_THE_BANK_READS: Record<OrderStatus, string> = {
  open: 'placed',
  paid: 'paid',
  fulfilled: 'fulfilled (shipped)',
  cancelled: 'cancelled',
  refunded: 'refunded',
};

/** At the same moment an order comes before its refund and its dispute. */
const KIND_RANK: Record<TimelineEntry['kind'], number> = { order: 0, refund: 1, dispute: 2 };

export function timelineOf(history: readonly PackOrder[], current: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const h of history) {
    const o = h.order;
    const mine = orderKey(o) === current;
    out.push({
      at: o.createdAt,
      kind: 'order',
      current: mine,
      text: `Order ${o.externalId} · ${channelLabel(o)} · ${formatMoney(o.totalMinor, o.currency)} · ${ORDER_AS_THE_BANK_READS[o.status]}`,
    });
    if (o.status === 'refunded' || h.payment?.status === 'refunded')
      out.push({
        at: o.createdAt,
        kind: 'refund',
        current: mine,
        text: `Refund of order ${o.externalId} (the export gives no refund date; shown at the order's)`,
      });
    for (const d of h.disputes)
      out.push({
        at: d.openedAt,
        kind: 'dispute',
        current: mine,
        text: `Dispute ${d.id} · ${networkAndCode(d)} · ${formatMoney(d.amountMinor, d.currency)} · ${AS_THE_BANK_READS[d.status]}`,
      });
  }
  return out.sort((a, b) => a.at - b.at || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

const CHARGED: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['paid', 'fulfilled', 'refunded']);

/** A likely other charge for a duplicate claim: same customer, same amount, within 7 days. */
export function duplicateCandidates(disputed: PackOrder | null, history: readonly PackOrder[]): PackOrder[] {
  if (!disputed) return [];
  const o = disputed.order;
  return history.filter(
    (h) =>
      orderKey(h.order) !== orderKey(o) &&
      // Only a charge that went through is "the other charge": a cancelled or unpaid order of the same
      // amount (a failed first attempt) charged nothing, and naming it to the bank would be untrue.
      CHARGED.has(h.order.status) &&
      h.payment?.status !== 'failed' &&
      h.order.totalMinor === o.totalMinor &&
      h.order.currency === o.currency &&
      Math.abs(h.order.createdAt - o.createdAt) <= 7 * DAY_MS,
  );
}

/** Rows with a value: the printed pack states what the records hold and leaves out what they lack (the screen's checks name that). */
const known = (rows: [string, string][]): [string, string][] => rows.filter(([, v]) => v.trim() !== '');

/**
 * The pack's tables of facts, each row a label and what the cache knows; a fact the cache lacks has
 * no row. The cover is for the issuer: no response deadline (the bank reads the pack after it, and it
 * is the provider's, not the bank's) and no time relative to the day it was printed.
 */
export function packSections(input: EvidenceInput, caseOf: EvidenceCase): Pick<EvidencePack, 'cover' | 'order' | 'payment' | 'ipDevice'> {
  const { dispute: d, disputed } = input;
  const o = disputed?.order ?? null;
  const p = disputed?.payment ?? null;
  const cover: EvidencePack['cover'] = known([
    ['Dispute', `${d.id} (${providerName(d.provider)})`],
    ['Reason', `${networkAndCode(d)} · ${input.reasonLabel}`],
    ['Claim', EVIDENCE_CASE_LABEL[caseOf]],
    ['Amount', formatMoney(d.amountMinor, d.currency)],
    ['Opened', formatDate(d.openedAt)],
    ['Order', o ? `${o.externalId} · ${channelLabel(o)} · ${formatDateTime(o.createdAt)} UTC` : d.orderKey],
  ]);
  const order: EvidencePack['order'] = o
    ? known([
        ['Order', `${o.externalId} (${channelLabel(o)})`],
        ['Placed', `${formatDateTime(o.createdAt)} UTC`],
        ['Total', formatMoney(o.totalMinor, o.currency)],
        ['Status', ORDER_AS_THE_BANK_READS[o.status]],
        ['Customer', [o.shipName, o.customerId && `account ${o.customerId}`].filter(Boolean).join(' · ')],
        ['E-mail', o.email],
        ['Phone', o.phone],
        ['Shipping address', postalAddress(o)],
        ['Billing country', o.billCountry],
      ])
    : [];
  const payment: EvidencePack['payment'] = o
    ? known([
        [
          'Payment',
          p
            ? `${p.id} (${providerName(p.provider)}) · ${formatMoney(p.amountMinor, p.currency)} · ${p.status}${disputed?.joinedByAssumedShop ? ` · ${JOINED_BY_ASSUMED_SHOP}` : ''}`
            : d.paymentId,
        ],
        ['Card', cardText(o)],
        ['Method', o.paymentMethod || (p ? providerName(p.provider) : '')],
        ['CVC', word(o.cvcCheck ?? p?.cvcCheck)],
        ['AVS postcode', word(o.avsPostcodeCheck ?? p?.avsPostcodeCheck)],
        ['AVS address line 1', word(o.avsLine1Check ?? p?.avsLine1Check)],
        ['3-D Secure', o.threeDs ?? p?.threeDs ?? ''],
      ])
    : [];
  const ipDevice: EvidencePack['ipDevice'] = o
    ? known([
        ['IP address', o.ip || p?.ip || ''],
        ['Device', o.deviceId || p?.deviceId || ''],
        [
          'Other orders from this IP or device',
          o.ip || o.deviceId
            ? String(input.history.filter((h) => h.order !== o && ((o.ip && h.order.ip === o.ip) || (o.deviceId && h.order.deviceId === o.deviceId))).length)
            : '',
        ],
      ])
    : [];
  return { cover, order, payment, ipDevice };
}
