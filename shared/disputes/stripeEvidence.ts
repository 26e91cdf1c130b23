// Stripe's dispute evidence as a file: the body of "update a dispute" (evidence, submit: false, so
// Stripe stages it for the analyst to review instead of sending it to the bank). Field names, shapes
// and limits from Stripe's API (stripe-node src/resources/Disputes.ts, DisputeUpdateParams):
// long text fields hold at most 20,000 characters, all fields together 150,000; CE 3.0 takes exactly
// two prior undisputed transactions; a device fingerprint has at least 20 characters, a device id 15.
import { z } from 'zod';
import type { Dispute } from '../domain/dispute';
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import type { EvidenceCase } from './evidenceCase';

/**
 * Whether a dispute is answered in Stripe, where its evidence file, Stripe's field names and limits
 * apply: an Adyen or PayPal dispute is answered there, with that provider's documents.
 */
export const isStripeDispute = (d: Pick<Dispute, 'provider'>) => d.provider === 'stripe';

export const STRIPE_LIMITS = { longText: 20_000, shortText: 5_000, total: 150_000, ce3Priors: 2, deviceFingerprintMin: 20, deviceIdMin: 15 } as const;

const short = z.string().min(1).max(STRIPE_LIMITS.shortText);
const long = z.string().min(1).max(STRIPE_LIMITS.longText);

/** Stripe's Address: every field present for CE 3.0 ("All fields are required"), '' where unknown. */
const addressSchema = z
  .object({ line1: z.string(), line2: z.string(), city: z.string(), postal_code: z.string(), state: z.string(), country: z.string() })
  .strict();

const ce3Transaction = z.object({
  customer_account_id: short.optional(),
  customer_device_fingerprint: z.string().min(STRIPE_LIMITS.deviceFingerprintMin).max(STRIPE_LIMITS.shortText).optional(),
  customer_device_id: z.string().min(STRIPE_LIMITS.deviceIdMin).max(STRIPE_LIMITS.shortText).optional(),
  customer_email_address: short.optional(),
  customer_purchase_ip: short.optional(),
  product_description: short,
  shipping_address: addressSchema.optional(),
});

export const ce3Schema = z
  .object({
    disputed_transaction: ce3Transaction.extend({ merchandise_or_services: z.enum(['merchandise', 'services']) }).strict(),
    prior_undisputed_transactions: z.array(ce3Transaction.extend({ charge: short }).strict()).length(STRIPE_LIMITS.ce3Priors),
  })
  .strict();

const TEXT_FIELDS = [
  'customer_name',
  'customer_email_address',
  'customer_purchase_ip',
  'billing_address',
  'shipping_address',
  'shipping_carrier',
  'shipping_tracking_number',
  'shipping_date',
  'duplicate_charge_id',
] as const;
const LONG_FIELDS = ['product_description', 'access_activity_log', 'uncategorized_text', 'duplicate_charge_explanation'] as const;

export const stripeEvidenceSchema = z
  .object({
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, short.optional()])),
    ...Object.fromEntries(LONG_FIELDS.map((f) => [f, long.optional()])),
    enhanced_evidence: z.object({ visa_compelling_evidence_3: ce3Schema }).strict().optional(),
  } as Record<(typeof TEXT_FIELDS)[number] | (typeof LONG_FIELDS)[number], z.ZodOptional<z.ZodString>> & {
    enhanced_evidence: z.ZodOptional<z.ZodObject<{ visa_compelling_evidence_3: typeof ce3Schema }>>;
  })
  .strict()
  .refine((e) => evidenceCharacters(e) <= STRIPE_LIMITS.total, { message: `all evidence fields together hold more than ${STRIPE_LIMITS.total} characters` });

export const stripeEvidenceFileSchema = z.object({ evidence: stripeEvidenceSchema, submit: z.literal(false) }).strict();

export type StripeEvidence = z.infer<typeof stripeEvidenceSchema>;
export type StripeEvidenceFile = z.infer<typeof stripeEvidenceFileSchema>;
type Ce3 = z.infer<typeof ce3Schema>;
type Ce3Transaction = z.infer<typeof ce3Transaction>;

/** Characters Stripe counts against its 150,000 limit: every text value, nested ones included. */
export function evidenceCharacters(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + evidenceCharacters(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + evidenceCharacters(v), 0);
  return 0;
}

export interface PaidOrder {
  order: Order;
  payment: Payment | null;
}

export interface StripeEvidenceInput {
  caseOf: EvidenceCase;
  disputed: PaidOrder | null;
  /** The customer's orders, oldest first: the access log of a fraud pack. */
  activity: readonly Order[];
  /** Exactly the two CE 3.0 priors sent, or null when the dispute does not qualify. */
  ce3Priors: readonly PaidOrder[] | null;
  /** The other charge a duplicate claim points at, when the cache shows a likely one. */
  duplicateOf: PaidOrder | null;
  /** Why the other charge is not a duplicate, in the pack's own (supported) words; '' leaves the field out. */
  duplicateExplanation: string;
  productDescription: (o: Order) => string;
  summary: string;
}

export function postalAddress(o: Order): string {
  return [o.shipStreet, [o.shipPostcode, o.shipCity].filter(Boolean).join(' '), o.shipCountry].filter((s) => s.trim()).join(', ');
}

function stripeAddress(o: Order): Ce3Transaction['shipping_address'] {
  if (!o.shipStreet && !o.shipPostcode) return undefined;
  return { line1: o.shipStreet, line2: '', city: o.shipCity, postal_code: o.shipPostcode, state: '', country: o.shipCountry };
}

/** A device id long enough for Stripe's fingerprint field, else its device-id field, else none. */
function device(id: string): Pick<Ce3Transaction, 'customer_device_fingerprint' | 'customer_device_id'> {
  if (id.length >= STRIPE_LIMITS.deviceFingerprintMin) return { customer_device_fingerprint: id };
  if (id.length >= STRIPE_LIMITS.deviceIdMin) return { customer_device_id: id };
  return {};
}

function ce3Transaction_(o: Order, describe: (o: Order) => string): Ce3Transaction {
  const t: Ce3Transaction = { product_description: describe(o), ...device(o.deviceId) };
  if (o.customerId) t.customer_account_id = o.customerId;
  if (o.email) t.customer_email_address = o.email;
  if (o.ip) t.customer_purchase_ip = o.ip;
  const address = stripeAddress(o);
  if (address) t.shipping_address = address;
  return t;
}

/** Lines of "when, which order, from which IP and device": the customer's activity as the shop saw it. */
export function activityLog(orders: readonly Order[]): string {
  return orders
    .map((o) => {
      const at = new Date(o.createdAt).toISOString().slice(0, 16).replace('T', ' ');
      return `${at} UTC order ${o.externalId}${o.ip ? ` from IP ${o.ip}` : ''}${o.deviceId ? ` on device ${o.deviceId}` : ''}`;
    })
    .join('\n');
}

/** The evidence the cache can fill for this case; fields it has no value for are left out, not blank (a blank would clear Stripe's). */
export function stripeEvidence(input: StripeEvidenceInput): StripeEvidenceFile {
  const e: Record<string, unknown> = {};
  const set = (field: string, value: string) => {
    if (value.trim()) e[field] = value.slice(0, (LONG_FIELDS as readonly string[]).includes(field) ? STRIPE_LIMITS.longText : STRIPE_LIMITS.shortText);
  };
  const o = input.disputed?.order;
  if (o) {
    set('customer_name', o.shipName);
    set('customer_email_address', o.email);
    set('shipping_address', postalAddress(o));
    set('billing_address', o.billCountry);
    set('product_description', input.productDescription(o));
    if (input.caseOf === 'fraud') {
      set('customer_purchase_ip', o.ip || input.disputed?.payment?.ip || '');
      set('access_activity_log', activityLog(input.activity));
    }
  }
  if (input.caseOf === 'duplicate' && input.duplicateOf) {
    set('duplicate_charge_id', input.duplicateOf.payment?.id ?? '');
    set('duplicate_charge_explanation', input.duplicateExplanation);
  }
  set('uncategorized_text', input.summary);
  if (o && input.ce3Priors && input.ce3Priors.length === STRIPE_LIMITS.ce3Priors) {
    const ce3: Ce3 = {
      disputed_transaction: { ...ce3Transaction_(o, input.productDescription), merchandise_or_services: 'merchandise' },
      prior_undisputed_transactions: input.ce3Priors.map((p) => ({ charge: p.payment?.id ?? '', ...ce3Transaction_(p.order, input.productDescription) })),
    };
    e.enhanced_evidence = { visa_compelling_evidence_3: ce3 };
  }
  return { evidence: e as StripeEvidence, submit: false };
}
