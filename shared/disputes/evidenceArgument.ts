// What the evidence pack argues to the issuer, built from the facts the pack holds and nothing else:
// a sentence is printed only when the fact behind it is in the pack (the order's status and address
// from the shop's export, the card checks from the payment, earlier orders on the same card, an
// attached proof of delivery, the other charge of a duplicate claim). What the claim would need and
// the pack does not show is a gap, shown to the analyst before export and never printed; when nothing
// in the pack answers the cardholder's claim the screen says so and suggests accepting. Pure.
import { formatDate, formatMoney, plainCount } from '../domain/money';
import type { OrderStatus } from '../domain/order';
import { providerName } from '../domain/payment';
import type { CardChecks } from '../domain/cardChecks';
import { sameCard, sharedElements, type Ce3Element } from './ce3';
import { EVIDENCE_CASE_LABEL, type EvidenceCase } from './evidenceCase';
import { postalAddress } from './stripeEvidence';
import type { EvidenceInput, PackOrder } from './evidence';

/** The facts an argument may rest on, as the pack holds them. */
export interface ArgumentFacts {
  caseOf: EvidenceCase;
  /** The disputed order; null when it is not in the cache. */
  order: { externalId: string; createdAt: number; status: OrderStatus; totalMinor: number; currency: string; shipTo: string } | null;
  /** The order or its payment is recorded as refunded. */
  refunded: boolean;
  /** CVC, AVS and 3-D Secure as the order or its payment recorded them. */
  checks: CardChecks;
  /** Earlier settled orders on the same card that were never disputed, with what each shares with the disputed one. */
  earlier: { externalId: string; createdAt: number; shared: Ce3Element[] }[];
  /** Qualifying Visa CE 3.0 priors when the dispute qualifies, else 0. */
  ce3Priors: number;
  /** Names of attached files the analyst marked as proof of delivery. */
  proofOfDelivery: string[];
  /** Where the dispute is answered, as a name: Stripe, Adyen… (what to write or add there). */
  answeredIn: string;
  /** For a duplicate claim: the likely other charge in the cache. */
  other: { externalId: string; createdAt: number; chargeId: string; status: OrderStatus; refunded: boolean } | null;
}

export interface PackArgument {
  /** Printed in the pack and sent as Stripe's summary: each sentence states a fact the pack shows. */
  sentences: string[];
  /** On screen only: what answering the claim needs and the pack does not show. */
  gaps: string[];
  /** Whether anything printed answers the cardholder's claim. */
  answered: boolean;
  /** On screen only, when nothing answers the claim: the suggestion to accept or what to add. */
  advice: string | null;
}

const isRefunded = (h: PackOrder) => h.order.status === 'refunded' || h.payment?.status === 'refunded';
const SETTLED: ReadonlySet<OrderStatus> = new Set(['paid', 'fulfilled', 'refunded']);

/** The facts of the pack's input an argument may use; `duplicateOf`: the likely other charge of a duplicate claim. */
export function argumentFacts(input: EvidenceInput, caseOf: EvidenceCase, duplicateOf: PackOrder | null): ArgumentFacts {
  const h = input.disputed;
  const o = h?.order ?? null;
  const p = h?.payment ?? null;
  const earlier = o
    ? input.history
        .filter((x) => x.order.createdAt < o.createdAt && SETTLED.has(x.order.status) && x.disputes.length === 0 && sameCard(x.order, o))
        .map((x) => ({ externalId: x.order.externalId, createdAt: x.order.createdAt, shared: sharedElements(x.order, o) }))
    : [];
  return {
    caseOf,
    answeredIn: providerName(input.dispute.provider),
    order: o && {
      externalId: o.externalId,
      createdAt: o.createdAt,
      status: o.status,
      totalMinor: o.totalMinor,
      currency: o.currency,
      shipTo: postalAddress(o),
    },
    refunded: h ? isRefunded(h) : false,
    checks: {
      cvcCheck: o?.cvcCheck ?? p?.cvcCheck,
      avsPostcodeCheck: o?.avsPostcodeCheck ?? p?.avsPostcodeCheck,
      avsLine1Check: o?.avsLine1Check ?? p?.avsLine1Check,
      threeDs: o?.threeDs ?? p?.threeDs,
    },
    earlier,
    ce3Priors: input.ce3?.qualifies ? input.ce3.priors.length : 0,
    proofOfDelivery: (input.attachments ?? []).filter((a) => a.purpose === 'proof-of-delivery').map((a) => a.name),
    other: duplicateOf && {
      externalId: duplicateOf.order.externalId,
      createdAt: duplicateOf.order.createdAt,
      chargeId: duplicateOf.payment?.id ?? '',
      status: duplicateOf.order.status,
      refunded: isRefunded(duplicateOf),
    },
  };
}

const list = (names: readonly string[]) => names.join(', ');

/** Sentences on the card checks that passed; failed or missing ones are the payment table's, not the argument's. */
function cardCheckSentences(c: CardChecks): string[] {
  const out: string[] = [];
  if (c.cvcCheck === 'pass') out.push('The card security code (CVC) entered matched the card.');
  const postcode = c.avsPostcodeCheck === 'pass';
  const line1 = c.avsLine1Check === 'pass';
  if (postcode || line1)
    out.push(
      `The card issuer's address check (AVS) matched the billing ${postcode && line1 ? 'postcode and street address' : postcode ? 'postcode' : 'street address'}.`,
    );
  if (c.threeDs === 'authenticated') out.push('The cardholder authenticated the payment with 3-D Secure.');
  else if (c.threeDs === 'attempted') out.push('3-D Secure authentication was attempted for the payment.');
  return out;
}

function failedChecks(c: CardChecks): string[] {
  return [
    c.cvcCheck === 'fail' && 'CVC',
    c.avsPostcodeCheck === 'fail' && 'AVS postcode',
    c.avsLine1Check === 'fail' && 'AVS street address',
    c.threeDs === 'failed' && '3-D Secure',
  ].filter((x): x is string => Boolean(x));
}

function shippedSentence(o: NonNullable<ArgumentFacts['order']>, sameAddressAs = 0): string {
  const to = o.shipTo ? ` to ${o.shipTo}, the shipping address given with the order` : '';
  const earlier = o.shipTo && sameAddressAs ? `, and the address of ${plainCount(sameAddressAs, 'earlier undisputed order')} on the same card` : '';
  return `The shop's records show order ${o.externalId} as fulfilled (shipped)${to}${earlier}.`;
}

const deliveredSentence = (names: readonly string[]) => `Delivery is shown by the attached proof of delivery (${list(names)}).`;

const refundedSentence = (o: NonNullable<ArgumentFacts['order']>) => `The shop's records show order ${o.externalId} as refunded.`;

/** What the pack argues, from the facts alone: see the module comment. */
export function packArgument(f: ArgumentFacts): PackArgument {
  const o = f.order;
  const claim = EVIDENCE_CASE_LABEL[f.caseOf].toLowerCase();
  if (!o)
    return {
      sentences: [],
      gaps: ['The disputed order is not in the cache: the pack can argue nothing about it'],
      answered: false,
      advice: `Nothing in the pack answers the ${claim} claim: import the order, or consider accepting the dispute`,
    };
  const sentences: string[] = [];
  const gaps: string[] = [];
  let answered = false;
  /** What the analyst could add to answer the claim, named in the advice. */
  let wanted = '';
  const shipped = o.status === 'fulfilled';
  const pod = f.proofOfDelivery.length > 0;
  const notShipped = `Order ${o.externalId} is not recorded as shipped (status ${o.status}): the pack cannot say it was sent`;
  const noPod = `No proof of delivery is attached: the pack can say the order was shipped, not that it arrived. Carrier, tracking number and shipping date are not in the cache: attach the carrier’s delivery scan, signature or photo, and add them in ${f.answeredIn}`;
  if (f.refunded) {
    sentences.push(refundedSentence(o));
    answered = true;
  }

  switch (f.caseOf) {
    case 'fraud': {
      const checks = cardCheckSentences(f.checks);
      sentences.push(...checks);
      const failed = failedChecks(f.checks);
      if (failed.length) gaps.push(`${list(failed)} failed: the payment table shows it, and the argument cannot rest on it`);
      if (!checks.length) gaps.push('No card check passed in the cache (CVC, AVS, 3-D Secure)');
      const n = f.earlier.length;
      if (n) {
        const fromSame = f.earlier.filter((e) => e.shared.includes('ip') || e.shared.includes('device')).length;
        const first = Math.min(...f.earlier.map((e) => e.createdAt));
        sentences.push(
          `The same card paid for ${plainCount(n, 'earlier order')} from ${formatDate(first)} on, none of them disputed${fromSame ? `; ${fromSame === n ? (n === 1 ? 'it came' : 'all came') : `${fromSame} of them came`} from the same IP address or device as this order` : ''}.`,
        );
      } else gaps.push('No earlier undisputed order on the same card is in the cache');
      if (f.ce3Priors)
        sentences.push(
          `${plainCount(f.ce3Priors, 'earlier undisputed order')} on the same card, 120 to 365 days before, qualif${f.ce3Priors === 1 ? 'ies' : 'y'} under Visa Compelling Evidence 3.0 (listed below).`,
        );
      const sameAddress = f.earlier.filter((e) => e.shared.includes('address')).length;
      if (shipped) sentences.push(shippedSentence(o, sameAddress));
      if (pod) sentences.push(deliveredSentence(f.proofOfDelivery));
      answered ||= checks.length > 0 || n > 0;
      wanted = 'passed card checks or earlier undisputed orders on the same card';
      break;
    }
    case 'not_received':
      if (shipped) sentences.push(shippedSentence(o));
      else gaps.push(notShipped);
      if (pod) sentences.push(deliveredSentence(f.proofOfDelivery));
      else gaps.push(noPod);
      answered ||= pod;
      wanted = 'a proof of delivery';
      break;
    case 'not_as_described':
      if (shipped) sentences.push(shippedSentence(o));
      if (pod) sentences.push(deliveredSentence(f.proofOfDelivery));
      gaps.push(
        `Nothing in the cache shows the goods were as described: attach the product page as shown at purchase and the return policy, and write in ${f.answeredIn} why no refund is due`,
      );
      wanted = 'the product page as shown at purchase and the return policy';
      break;
    case 'credit_not_processed':
      if (!f.refunded)
        gaps.push(
          `No refund of order ${o.externalId} is recorded, and the cache holds no return policy: write in ${f.answeredIn} why no refund is due, with the policy accepted at checkout`,
        );
      wanted = 'the refund reference, or the policy under which none is due';
      break;
    case 'duplicate': {
      const x = f.other;
      if (!x) {
        gaps.push('No other order of the same amount within 7 days is in the cache: the pack cannot name the other charge');
        wanted = 'the other charge and its separate order';
        break;
      }
      const amount = formatMoney(o.totalMinor, o.currency);
      sentences.push(
        `The other charge of ${amount}${x.chargeId ? ` (${x.chargeId})` : ''} is for order ${x.externalId} of ${formatDate(x.createdAt)}, a separate order from order ${o.externalId} of ${formatDate(o.createdAt)}.`,
      );
      const bothShipped = shipped && x.status === 'fulfilled';
      if (bothShipped) sentences.push(`Both orders are recorded as fulfilled (shipped), each on its own.`);
      else gaps.push(`Order ${shipped ? x.externalId : o.externalId} is not recorded as shipped: it may be the duplicate; check before answering`);
      if (x.refunded) sentences.push(`The shop's records show order ${x.externalId} as refunded.`);
      answered ||= bothShipped || x.refunded;
      wanted = 'proof that each charge had its own goods and delivery';
      break;
    }
    case 'subscription_cancelled':
      gaps.push(
        `The cache holds no subscription or cancellation record: write in ${f.answeredIn} when the cancellation took effect, with the cancellation policy shown to the customer`,
      );
      wanted = 'the cancellation terms and when the cancellation took effect';
      break;
    case 'general': {
      const checks = cardCheckSentences(f.checks);
      if (shipped) sentences.push(shippedSentence(o));
      else gaps.push(notShipped);
      if (pod) sentences.push(deliveredSentence(f.proofOfDelivery));
      sentences.push(...checks);
      answered ||= shipped || pod || checks.length > 0;
      wanted = 'what answers the claim';
      break;
    }
  }
  return {
    sentences,
    gaps,
    answered,
    advice: answered ? null : `Nothing in the pack answers the ${claim} claim: add ${wanted}, or consider accepting the dispute`,
  };
}
