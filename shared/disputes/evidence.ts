// A dispute's evidence pack from the local cache: the cover, the order, payment, IP and device, the
// CE 3.0 priors, the customer's timeline and Stripe's evidence fields, chosen by what the cardholder
// claims; and the checks the pack runs on itself before it is exported (tables in evidenceSections.ts,
// self-checks in evidenceChecks.ts).
import type { Dispute } from '../domain/dispute';
import { formatDate, formatDateTime, formatMoney } from '../domain/money';
import { orderKey, type Order } from '../domain/order';
import { providerName, type Payment } from '../domain/payment';
import type { Ce3Element, Ce3Result } from './ce3';
import { CASE_CONTENTS, EVIDENCE_CASE_LABEL, evidenceCaseOf, type CaseContents, type EvidenceCase } from './evidenceCase';
import { argumentFacts, packArgument, type PackArgument } from './evidenceArgument';
import { networkAndCode, type ReasonFamily } from './reasonCodes';
import { adyenChecks, adyenDefense, isAdyenDispute, type AdyenDefenseFile } from './adyenDefense';
import {
  ATTACHMENT_EXTENSION,
  ATTACHMENT_PURPOSE_LABEL,
  ATTACHMENT_TYPE_LABEL,
  formatBytes,
  STRIPE_FIELD_OF,
  type AttachmentPurpose,
  type AttachmentType,
} from './attachments';
import { isStripeDispute, STRIPE_LIMITS, stripeEvidence, type PaidOrder, type StripeEvidenceFile } from './stripeEvidence';
import { choosePriors, duplicateCandidates, packSections, productDescription, timelineOf } from './evidenceSections';
import { selfChecks, TIMELINE_ROWS } from './evidenceChecks';

export { productDescription } from './evidenceSections';

export { MASTERCARD_PAGE_LIMIT, TIMELINE_ROWS } from './evidenceChecks';

export interface PackOrder extends PaidOrder {
  /** Disputes on this order (the disputed one included). */
  disputes: Dispute[];
  /**
   * Its payment joined it by assumed shop (shared/orders/paymentsNaming.ts): nobody was asked which
   * shop the payment's file is from. The pack marks it, as the order's detail does.
   */
  joinedByAssumedShop?: true;
}

export interface EvidenceInput {
  dispute: Dispute;
  family: ReasonFamily;
  reasonLabel: string;
  disputed: PackOrder | null;
  ce3: Ce3Result | null;
  /** The customer's orders (same card, e-mail or account), the disputed one included. */
  history: readonly PackOrder[];
  checklist: readonly { item: string; checked: boolean }[];
  /** Files attached to the dispute, oldest first. */
  attachments?: readonly PackAttachment[];
  now: number;
}

/** A file attached to the dispute, as the pack lists it (its bytes stay in the cache). */
export interface PackAttachment {
  id: number;
  name: string;
  type: AttachmentType;
  purpose: AttachmentPurpose;
  size: number;
  sha256: string;
  addedAt: number;
}

export interface PackCheck {
  /** `block`: Stripe would refuse the file or the claim as it stands; `todo`: the analyst adds something; `ok`: checked and fine. */
  level: 'ok' | 'todo' | 'block';
  text: string;
}

export interface PackPrior {
  order: Order;
  payment: Payment | null;
  shared: Ce3Element[];
  /** One of the two sent to Stripe. */
  sent: boolean;
}

export interface TimelineEntry {
  at: number;
  kind: 'order' | 'refund' | 'dispute';
  text: string;
  /** The disputed order's own entries. */
  current: boolean;
}

export interface EvidencePack {
  dispute: Dispute;
  preparedAt: number;
  caseOf: EvidenceCase;
  caseLabel: string;
  contents: CaseContents;
  /** What the pack argues (printed) and what it lacks (on screen only), from the facts it holds. */
  argument: PackArgument;
  cover: [label: string, value: string][];
  order: [label: string, value: string][];
  payment: [label: string, value: string][];
  ipDevice: [label: string, value: string][];
  ce3: { result: Ce3Result; priors: PackPrior[] } | null;
  refunds: string[];
  duplicates: string[];
  timeline: TimelineEntry[];
  /** Entries older than the printed timeline. */
  timelineOmitted: number;
  stripe: StripeEvidenceFile;
  /** Adyen's defense documents by defense reason, for a dispute Adyen handles; null for others. */
  adyen: AdyenDefenseFile | null;
  checks: PackCheck[];
  /** Files attached to the dispute: listed with size and SHA-256, images printed in the pack. */
  attachments: PackAttachment[];
  /** What the analyst uploads or writes in Stripe by hand (a Stripe dispute only); `attachmentId` names an attached file to upload. */
  byHand: { field: string; what: string; kind: 'file' | 'text'; attachmentId?: number }[];
}

export function evidencePack(input: EvidenceInput): EvidencePack {
  const { dispute: d, disputed, now } = input;
  const caseOf = evidenceCaseOf(d.network, d.reasonCode, d.reasonText);
  const contents = CASE_CONTENTS[caseOf];
  const o = disputed?.order ?? null;
  const checks: PackCheck[] = [];
  // Stripe's JSON, its fields to fill by hand and its limits are for a dispute answered in Stripe.
  const inStripe = isStripeDispute(d);

  const { cover, order, payment, ipDevice } = packSections(input, caseOf);

  // CE 3.0: exactly the qualifying priors, and the two Stripe takes.
  let ce3: EvidencePack['ce3'] = null;
  let sent: PackPrior[] | null = null;
  if (input.ce3?.applicable) {
    const byKey = new Map(input.history.map((h) => [orderKey(h.order), h]));
    const priors = input.ce3.priors.flatMap((q) => {
      const h = byKey.get(q.orderKey);
      return h ? [{ order: h.order, payment: h.payment, shared: q.shared, sent: false }] : [];
    });
    if (input.ce3.qualifies) {
      sent = choosePriors(priors);
      for (const s of sent) s.sent = true;
    }
    ce3 = { result: input.ce3, priors };
    checks.push(
      input.ce3.qualifies
        ? {
            level: 'ok',
            text: `CE 3.0 eligible: ${priors.length} qualifying prior order${priors.length === 1 ? '' : 's'}; the ${STRIPE_LIMITS.ce3Priors} ${inStripe ? 'sent to Stripe' : 'to send'} are ${sent!.map((s) => s.order.externalId).join(' and ')}`,
          }
        : { level: 'todo', text: `CE 3.0 not eligible: ${input.ce3.why}` },
    );
    for (const s of inStripe ? (sent ?? []) : [])
      if (!s.payment?.id)
        checks.push({
          level: 'block',
          text: `CE 3.0 prior ${s.order.externalId} has no Stripe charge id in the cache: add its charge (ch_…) in the JSON by hand`,
        });
  }

  const refunds = input.history
    .filter((h) => h.order.status === 'refunded' || h.payment?.status === 'refunded')
    .map((h) => `Order ${h.order.externalId} of ${formatDate(h.order.createdAt)} was refunded`);
  const dupes = caseOf === 'duplicate' ? duplicateCandidates(disputed, input.history) : [];
  const duplicates = dupes.map(
    (h) =>
      `Order ${h.order.externalId} of ${formatDateTime(h.order.createdAt)} UTC, ${formatMoney(h.order.totalMinor, h.order.currency)}${h.payment ? `, charge ${h.payment.id}` : ''}`,
  );

  const all = timelineOf(input.history, d.orderKey);
  const timeline = all.slice(-TIMELINE_ROWS);

  // The argument states only what the pack's facts show; its gaps are checks for the analyst's eyes
  // (the advice to accept is shown on its own, beside the buttons).
  const argument = packArgument(argumentFacts(input, caseOf, dupes[0] ?? null));
  for (const gap of argument.gaps) checks.push({ level: 'todo', text: `Argument: ${gap}` });
  const summary = [
    `${EVIDENCE_CASE_LABEL[caseOf]} dispute ${d.id} (${networkAndCode(d)}, ${input.reasonLabel}) on ${o ? `order ${o.externalId} of ${formatDate(o.createdAt)}` : 'an order not in our records'}.`,
    ...argument.sentences,
  ].join(' ');
  const stripe = stripeEvidence({
    caseOf,
    disputed,
    activity: input.history.map((h) => h.order),
    ce3Priors: sent,
    duplicateOf: dupes[0] ?? null,
    duplicateExplanation: caseOf === 'duplicate' ? argument.sentences.join(' ') : '',
    productDescription,
    summary,
  });

  checks.push(...selfChecks(input, stripe, all.length));
  const attachments = [...(input.attachments ?? [])];
  if (attachments.length) {
    const total = attachments.reduce((n, a) => n + a.size, 0);
    checks.push({
      level: 'ok',
      text: `${attachments.length} attached file${attachments.length === 1 ? '' : 's'} (${formatBytes(total)} in all) listed with their SHA-256; upload each ${inStripe ? 'to the field named at the end' : `with the response in ${providerName(d.provider)}`}`,
    });
  }
  // Adyen takes documents by defense reason, not Stripe's fields: its own file and checks.
  const adyen = isAdyenDispute(d)
    ? adyenDefense(
        d,
        caseOf,
        attachments.map((a) => ({
          id: a.id,
          purpose: a.purpose,
          type: a.type,
          size: a.size,
          savedAs: `${d.id}-attachment-${a.id}${ATTACHMENT_EXTENSION[a.type]}`,
        })),
        o !== null,
      )
    : null;
  if (adyen) checks.push(...adyenChecks(adyen));
  const byHand: EvidencePack['byHand'] = !inStripe
    ? []
    : [
        ...attachments.map((a) => ({
          field: STRIPE_FIELD_OF[a.purpose],
          what: `Attached: ${a.name} (${ATTACHMENT_PURPOSE_LABEL[a.purpose]}, ${ATTACHMENT_TYPE_LABEL[a.type]}, ${formatBytes(a.size)}, SHA-256 ${a.sha256.slice(0, 12)}…)`,
          kind: 'file' as const,
          attachmentId: a.id,
        })),
        ...contents.files.map((f) => ({ field: f.field, what: f.what, kind: 'file' as const })),
        ...contents.byHandText.map((f) => ({ field: f.field, what: f.what, kind: 'text' as const })),
      ];

  return {
    dispute: d,
    preparedAt: now,
    caseOf,
    caseLabel: EVIDENCE_CASE_LABEL[caseOf],
    contents,
    argument,
    cover,
    order,
    payment,
    ipDevice,
    ce3,
    refunds,
    duplicates,
    timeline,
    timelineOmitted: all.length - timeline.length,
    stripe,
    adyen: adyen?.file ?? null,
    checks,
    attachments,
    byHand,
  };
}
