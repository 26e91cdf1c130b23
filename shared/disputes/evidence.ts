// A dispute's evidence pack from the local cache: the cover, the order, payment, IP and device, the
// CE 3.0 priors, the customer's timeline and Stripe's evidence fields, chosen by what the cardholder
// claims; and the checks the pack runs on itself before it is exported.
import type { Dispute } from '../domain/dispute';
import { describeCardChecks } from '../domain/cardChecks';
import { formatDate, formatDateTime, formatMoney } from '../domain/money';
import { channelLabel, orderKey, type Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import type { Ce3Element, Ce3Result } from './ce3';
import { countdown } from './deadlines';
import { CASE_CONTENTS, EVIDENCE_CASE_LABEL, evidenceCaseOf, type CaseContents, type EvidenceCase } from './evidenceCase';
import { REASON_FAMILY_LABEL, type ReasonFamily } from './reasonCodes';
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
import {
  evidenceCharacters,
  postalAddress,
  STRIPE_LIMITS,
  stripeEvidence,
  stripeEvidenceFileSchema,
  type PaidOrder,
  type StripeEvidenceFile,
} from './stripeEvidence';

const DAY_MS = 86_400_000;

/** Mastercard charges per page above 19 (Checkout.com, "Mastercard dispute documentation requirements", 2024-08); Stripe refuses evidence over a network's page limit since API 2026-09-30. */
export const MASTERCARD_PAGE_LIMIT = 19;
/** Timeline rows printed; an older history is summarised in one line. */
export const TIMELINE_ROWS = 60;

export interface PackOrder extends PaidOrder {
  /** Disputes on this order (the disputed one included). */
  disputes: Dispute[];
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
  /** What the analyst uploads or writes in Stripe by hand; `attachmentId` names an attached file to upload. */
  byHand: { field: string; what: string; kind: 'file' | 'text'; attachmentId?: number }[];
}

/** The cache knows orders, not their lines: the description names the order and its value. */
export function productDescription(o: Order): string {
  return `Goods of order ${o.externalId} (${channelLabel(o)}, ${formatDate(o.createdAt)}), ${formatMoney(o.totalMinor, o.currency)}`;
}

function cardText(o: Order): string {
  if (!o.cardLast4) return '';
  return `${o.cardBrand ? o.cardBrand + ' ' : ''}BIN ${o.cardBin || '?'} •••• ${o.cardLast4}`;
}

const CHECK_WORD: Record<string, string> = { pass: 'passed', fail: 'failed', unavailable: 'unavailable', unchecked: 'not checked' };
const word = (v: string | undefined) => (v ? (CHECK_WORD[v] ?? v) : 'not in the export');

/** The two priors sent to Stripe: most shared elements first, then the most recent. */
function choosePriors(priors: PackPrior[]): PackPrior[] {
  return [...priors].sort((a, b) => b.shared.length - a.shared.length || b.order.createdAt - a.order.createdAt).slice(0, STRIPE_LIMITS.ce3Priors);
}

/** At the same moment an order comes before its refund and its dispute. */
const KIND_RANK: Record<TimelineEntry['kind'], number> = { order: 0, refund: 1, dispute: 2 };

function timelineOf(history: readonly PackOrder[], current: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const h of history) {
    const o = h.order;
    const mine = orderKey(o) === current;
    out.push({
      at: o.createdAt,
      kind: 'order',
      current: mine,
      text: `Order ${o.externalId} · ${channelLabel(o)} · ${formatMoney(o.totalMinor, o.currency)} · ${o.status}`,
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
        text: `Dispute ${d.id} · ${d.network} ${d.reasonCode} · ${formatMoney(d.amountMinor, d.currency)} · ${d.status}`,
      });
  }
  return out.sort((a, b) => a.at - b.at || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

/** A likely other charge for a duplicate claim: same customer, same amount, within 7 days. */
function duplicateCandidates(disputed: PackOrder | null, history: readonly PackOrder[]): PackOrder[] {
  if (!disputed) return [];
  const o = disputed.order;
  return history.filter(
    (h) =>
      orderKey(h.order) !== orderKey(o) &&
      h.order.totalMinor === o.totalMinor &&
      h.order.currency === o.currency &&
      Math.abs(h.order.createdAt - o.createdAt) <= 7 * DAY_MS,
  );
}

export function evidencePack(input: EvidenceInput): EvidencePack {
  const { dispute: d, disputed, now } = input;
  const caseOf = evidenceCaseOf(d.network, d.reasonCode);
  const contents = CASE_CONTENTS[caseOf];
  const o = disputed?.order ?? null;
  const p = disputed?.payment ?? null;
  const checks: PackCheck[] = [];

  const cover: EvidencePack['cover'] = [
    ['Dispute', `${d.id} (${d.provider})`],
    ['Reason', `${d.network} ${d.reasonCode} · ${input.reasonLabel}`],
    ['Family', `${REASON_FAMILY_LABEL[input.family]} · pack for: ${EVIDENCE_CASE_LABEL[caseOf]}`],
    ['Network', d.network],
    ['Amount', formatMoney(d.amountMinor, d.currency)],
    ['Opened', formatDate(d.openedAt)],
    ['Respond by', d.dueAt ? `${formatDateTime(d.dueAt)} UTC (${countdown(d.dueAt, now)})` : 'no response allowed'],
    ['Order', o ? `${o.externalId} · ${channelLabel(o)} · ${formatDateTime(o.createdAt)} UTC` : `${d.orderKey || 'unknown'} (not in the cache)`],
  ];
  const order: EvidencePack['order'] = o
    ? [
        ['Order', `${o.externalId} (${channelLabel(o)})`],
        ['Placed', `${formatDateTime(o.createdAt)} UTC`],
        ['Total', formatMoney(o.totalMinor, o.currency)],
        ['Status', o.status],
        ['Customer', [o.shipName, o.customerId && `account ${o.customerId}`].filter(Boolean).join(' · ') || 'not in the export'],
        ['E-mail', o.email || 'not in the export'],
        ['Phone', o.phone || 'not in the export'],
        ['Shipping address', postalAddress(o) || 'not in the export'],
        ['Billing country', o.billCountry || 'not in the export'],
      ]
    : [];
  const payment: EvidencePack['payment'] = o
    ? [
        ['Payment', p ? `${p.id} (${p.provider}) · ${formatMoney(p.amountMinor, p.currency)} · ${p.status}` : d.paymentId || 'not in the cache'],
        ['Card', cardText(o) || 'no card'],
        ['Method', o.paymentMethod || p?.provider || 'not in the export'],
        ['CVC', word(o.cvcCheck ?? p?.cvcCheck)],
        ['AVS postcode', word(o.avsPostcodeCheck ?? p?.avsPostcodeCheck)],
        ['AVS address line 1', word(o.avsLine1Check ?? p?.avsLine1Check)],
        ['3-D Secure', o.threeDs ?? p?.threeDs ?? 'not in the export'],
      ]
    : [];
  const ipDevice: EvidencePack['ipDevice'] = o
    ? [
        ['IP address', o.ip || p?.ip || 'not in the export'],
        ['Device', o.deviceId || p?.deviceId || 'not in the export'],
        [
          'Other orders from this IP or device',
          String(input.history.filter((h) => h.order !== o && ((o.ip && h.order.ip === o.ip) || (o.deviceId && h.order.deviceId === o.deviceId))).length),
        ],
      ]
    : [];

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
            text: `CE 3.0 eligible: ${priors.length} qualifying prior order${priors.length === 1 ? '' : 's'}; the ${STRIPE_LIMITS.ce3Priors} sent to Stripe are ${sent!.map((s) => s.order.externalId).join(' and ')}`,
          }
        : { level: 'todo', text: `CE 3.0 not eligible: ${input.ce3.why}` },
    );
    for (const s of sent ?? [])
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

  const summary = [
    `${EVIDENCE_CASE_LABEL[caseOf]} dispute ${d.id} (${d.network} ${d.reasonCode}, ${input.reasonLabel}) on ${o ? `order ${o.externalId} of ${formatDate(o.createdAt)}` : 'an order not in our records'}.`,
    contents.argument,
    o && contents.parts.includes('payment-checks') ? `Card checks: ${describeCardChecks(o) || 'not recorded'}.` : '',
    input.ce3?.qualifies
      ? `The cardholder has ${input.ce3.priors.length} earlier undisputed orders on the same card that qualify under Visa Compelling Evidence 3.0.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const stripe = stripeEvidence({
    caseOf,
    disputed,
    activity: input.history.map((h) => h.order),
    ce3Priors: sent,
    duplicateOf: dupes[0] ?? null,
    productDescription,
    summary,
  });

  // The pack's checks on itself.
  if (!o) checks.push({ level: 'block', text: 'The disputed order is not in the cache: import its orders export first' });
  else if (!p) checks.push({ level: 'todo', text: 'The payment is not in the cache: card checks come from the order only' });
  if (d.dueAt && d.dueAt < now)
    checks.push({
      level: 'block',
      text: `The response deadline passed ${countdown(d.dueAt, now).replace('overdue by ', '')} ago (${formatDateTime(d.dueAt)} UTC)`,
    });
  const parsed = stripeEvidenceFileSchema.safeParse(stripe);
  if (parsed.success) checks.push({ level: 'ok', text: 'Stripe evidence JSON matches Stripe’s field names and shapes' });
  else for (const issue of parsed.error.issues) checks.push({ level: 'block', text: `Stripe evidence: ${issue.path.join('.') || 'file'}: ${issue.message}` });
  const chars = evidenceCharacters(stripe.evidence);
  checks.push({
    level: chars <= STRIPE_LIMITS.total ? 'ok' : 'block',
    text: `Stripe text limits: ${chars.toLocaleString('en-US')} of ${STRIPE_LIMITS.total.toLocaleString('en-US')} characters in all; no field over ${STRIPE_LIMITS.longText.toLocaleString('en-US')}`,
  });
  if (all.length > timeline.length)
    checks.push({ level: 'ok', text: `Timeline: the ${TIMELINE_ROWS} latest of ${all.length} entries are printed, to keep the pack short` });
  if (d.network === 'mastercard')
    checks.push({
      level: 'todo',
      text: `Mastercard: keep the pack and the files you upload within ${MASTERCARD_PAGE_LIMIT} pages in all (Stripe refuses evidence over the network's page limit)`,
    });
  if (o && !o.shipName) checks.push({ level: 'todo', text: 'No customer name in the cache: add it in Stripe' });
  checks.push({ level: 'todo', text: 'Product description names the order, not its items (the cache has no order lines): add the items in Stripe' });
  const missing = input.checklist.filter((c) => !c.checked);
  if (missing.length)
    checks.push({
      level: 'todo',
      text: `${missing.length} of ${input.checklist.length} evidence items are not ticked: ${missing.map((c) => c.item).join('; ')}`,
    });

  const attachments = [...(input.attachments ?? [])];
  if (attachments.length) {
    const total = attachments.reduce((n, a) => n + a.size, 0);
    checks.push({
      level: 'ok',
      text: `${attachments.length} attached file${attachments.length === 1 ? '' : 's'} (${formatBytes(total)} in all) listed with their SHA-256; upload each to the field named at the end`,
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
  const byHand: EvidencePack['byHand'] = [
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
