// The checks an evidence pack runs on itself before it is exported: what Stripe would refuse (for a dispute answered in Stripe)
// (block), what the analyst still adds by hand (todo), and what was checked and is fine (ok).
import { formatDateTime, formatMoney } from '../domain/money';
import { providerName } from '../domain/payment';
import { ASSUMED_SHOP_WHY, JOINED_BY_ASSUMED_SHOP } from '../orders/paymentFit';
import { countdown } from './deadlines';
import { evidenceCharacters, isStripeDispute, STRIPE_LIMITS, stripeEvidenceFileSchema, type StripeEvidenceFile } from './stripeEvidence';
import type { EvidenceInput, PackCheck } from './evidence';

/** Mastercard charges per page above 19 (Checkout.com, "Mastercard dispute documentation requirements", 2024-08); Stripe refuses evidence over a network's page limit since API 2026-09-30. */
export const MASTERCARD_PAGE_LIMIT = 19;
/** Timeline rows printed; an older history is summarised in one line. */
export const TIMELINE_ROWS = 60;

/** `timelineEntries`: the customer's whole timeline, of which the pack prints the latest TIMELINE_ROWS. */
export function selfChecks(input: EvidenceInput, stripe: StripeEvidenceFile, timelineEntries: number): PackCheck[] {
  const { dispute: d, now } = input;
  const o = input.disputed?.order ?? null;
  const p = input.disputed?.payment ?? null;
  const checks: PackCheck[] = [];
  if (!o) checks.push({ level: 'block', text: 'The disputed order is not in the cache: import its orders export first' });
  else if (!p) checks.push({ level: 'todo', text: 'The payment is not in the cache: card checks come from the order only' });
  else if (input.disputed?.joinedByAssumedShop)
    checks.push({
      level: 'todo',
      text: `Payment ${p.id} is ${JOINED_BY_ASSUMED_SHOP} to order ${o.externalId}: ${ASSUMED_SHOP_WHY}. Make sure it is this order's payment before sending`,
    });
  // The dispute's own charge is not in the cache, and the pack prints the order's payment in its
  // place (disputeService): another charge, perhaps with another provider, amount or card.
  if (p && d.paymentId && p.id !== d.paymentId)
    checks.push({
      level: 'todo',
      text: `The dispute names payment ${d.paymentId} (${providerName(d.provider)}), which is not in the cache: the pack prints the order's payment ${p.id} (${providerName(p.provider)}, ${formatMoney(p.amountMinor, p.currency)}) in its place. Make sure it is the disputed charge before sending, or import the ${providerName(d.provider)} payments`,
    });
  if (d.dueAt && d.dueAt < now)
    checks.push({
      level: 'block',
      text: `The response deadline passed ${countdown(d.dueAt, now).replace('overdue by ', '')} ago (${formatDateTime(d.dueAt)} UTC)`,
    });
  // Stripe's file, field names and limits are for a dispute answered in Stripe; another provider's
  // dispute is answered there (Adyen's file and limits are checked on their own, adyenChecks).
  const inStripe = isStripeDispute(d);
  const where = providerName(d.provider);
  if (inStripe) {
    const parsed = stripeEvidenceFileSchema.safeParse(stripe);
    if (parsed.success) checks.push({ level: 'ok', text: 'Stripe evidence JSON matches Stripe’s field names and shapes' });
    else for (const issue of parsed.error.issues) checks.push({ level: 'block', text: `Stripe evidence: ${issue.path.join('.') || 'file'}: ${issue.message}` });
    const chars = evidenceCharacters(stripe.evidence);
    checks.push({
      level: chars <= STRIPE_LIMITS.total ? 'ok' : 'block',
      text: `Stripe text limits: ${chars.toLocaleString('en-US')} of ${STRIPE_LIMITS.total.toLocaleString('en-US')} characters in all; no field over ${STRIPE_LIMITS.longText.toLocaleString('en-US')}`,
    });
  }
  if (timelineEntries > TIMELINE_ROWS)
    checks.push({ level: 'ok', text: `Timeline: the ${TIMELINE_ROWS} latest of ${timelineEntries} entries are printed, to keep the pack short` });
  if (d.network === 'mastercard')
    checks.push({
      level: 'todo',
      text: `Mastercard: keep the pack and the files you upload within ${MASTERCARD_PAGE_LIMIT} pages in all${inStripe ? " (Stripe refuses evidence over the network's page limit)" : ''}`,
    });
  if (o && !o.shipName) checks.push({ level: 'todo', text: `No customer name in the cache: add it in ${where}` });
  checks.push({ level: 'todo', text: `Product description names the order, not its items (the cache has no order lines): add the items in ${where}` });
  const missing = input.checklist.filter((c) => !c.checked);
  if (missing.length)
    checks.push({
      level: 'todo',
      text: `${missing.length} of ${input.checklist.length} evidence items are not ticked: ${missing.map((c) => c.item).join('; ')}`,
    });
  return checks;
}
