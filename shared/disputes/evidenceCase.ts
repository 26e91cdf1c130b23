// What a dispute's evidence pack argues, by what the cardholder claims: fraud, not received, not as
// described, credit not processed, duplicate, subscription cancelled (else a general pack). Each
// case names the pack's parts, the Stripe fields the cache fills and the files only a person can add.
// What the pack argues is built from the facts it holds (evidenceArgument.ts), never fixed per case.
import type { CardNetwork } from '../domain/dispute';
import { normaliseCode, reasonFamily } from './reasonCodes';

export const EVIDENCE_CASES = ['fraud', 'not_received', 'not_as_described', 'credit_not_processed', 'duplicate', 'subscription_cancelled', 'general'] as const;
export type EvidenceCase = (typeof EVIDENCE_CASES)[number];

export const EVIDENCE_CASE_LABEL: Record<EvidenceCase, string> = {
  fraud: 'Fraud (cardholder did not authorise)',
  not_received: 'Not received',
  not_as_described: 'Not as described',
  credit_not_processed: 'Credit not processed',
  duplicate: 'Duplicate charge',
  subscription_cancelled: 'Subscription cancelled',
  general: 'General',
};

// Codes outside the fraud family that say which claim it is. Visa 13.x / 12.6.1, Mastercard, Amex
// C/P codes, PayPal and Stripe enums as reasonCodes.ts spells them. Fraud codes need no entry.
const CASE_BY_CODE: Record<string, EvidenceCase> = {
  '13.1': 'not_received',
  '13.2': 'subscription_cancelled',
  '13.3': 'not_as_described',
  '13.4': 'not_as_described',
  '13.5': 'not_as_described',
  '13.6': 'credit_not_processed',
  '13.7': 'credit_not_processed',
  '12.6.1': 'duplicate',
  '4855': 'not_received',
  '4841': 'subscription_cancelled',
  '4860': 'credit_not_processed',
  '4834': 'duplicate',
  C08: 'not_received',
  C28: 'subscription_cancelled',
  C31: 'not_as_described',
  C32: 'not_as_described',
  C02: 'credit_not_processed',
  C04: 'credit_not_processed',
  C05: 'credit_not_processed',
  P08: 'duplicate',
  // Amex's numeric codes (reasonCodes.ts).
  '155': 'not_received',
  '4554': 'not_received',
  '175': 'credit_not_processed',
  '684': 'credit_not_processed',
  '4513': 'credit_not_processed',
  '173': 'duplicate',
  RG: 'not_received',
  AP: 'subscription_cancelled',
  RM: 'not_as_described',
  RN2: 'credit_not_processed',
  DP: 'duplicate',
  merchandise_or_service_not_received: 'not_received',
  // PayPal's case report and Resolution Center words ("Non-Receipt", "Not as Described").
  non_receipt: 'not_received',
  item_not_received: 'not_received',
  not_as_described: 'not_as_described',
  significantly_not_as_described: 'not_as_described',
  merchandise_or_service_not_as_described: 'not_as_described',
  credit_not_processed: 'credit_not_processed',
  canceled_recurring_billing: 'subscription_cancelled',
  duplicate_transaction: 'duplicate',
  product_not_received: 'not_received',
  product_unacceptable: 'not_as_described',
  subscription_canceled: 'subscription_cancelled',
  duplicate: 'duplicate',
};

export function evidenceCaseOf(network: CardNetwork | '', reasonCode: string, reasonText = ''): EvidenceCase {
  if (reasonFamily(network, reasonCode, reasonText) === 'fraud') return 'fraud';
  return CASE_BY_CODE[normaliseCode(reasonCode)] ?? 'general';
}

/** Parts of the printed pack beyond the cover, the order and the timeline, which every pack has. */
export type PackPart = 'payment-checks' | 'ip-device' | 'ce3' | 'shipping' | 'refunds' | 'duplicates';

/** Stripe evidence fields that take the id of a file uploaded to Stripe, never text. */
export type StripeFileField =
  | 'receipt'
  | 'shipping_documentation'
  | 'customer_communication'
  | 'refund_policy'
  | 'cancellation_policy'
  | 'duplicate_charge_documentation'
  | 'uncategorized_file';

/** Stripe text fields the cache cannot fill: the analyst writes them in Stripe. */
export type StripeByHandText = 'shipping_carrier' | 'shipping_tracking_number' | 'shipping_date' | 'refund_refusal_explanation' | 'cancellation_rebuttal';

export interface CaseContents {
  parts: PackPart[];
  files: { field: StripeFileField; what: string }[];
  byHandText: { field: StripeByHandText; what: string }[];
}

const RECEIPT = { field: 'receipt', what: 'Order confirmation or invoice sent to the customer' } as const;
const MESSAGES = { field: 'customer_communication', what: 'E-mails or chats with the customer about this order' } as const;
const PACK = { field: 'uncategorized_file', what: 'This evidence pack (PDF)' } as const;
const CARRIER = [
  { field: 'shipping_carrier', what: 'The carrier (DHL, DPD, UPS …)' },
  { field: 'shipping_tracking_number', what: 'The tracking number' },
  { field: 'shipping_date', what: 'The date the parcel left the warehouse' },
] as const;

export const CASE_CONTENTS: Record<EvidenceCase, CaseContents> = {
  fraud: {
    parts: ['payment-checks', 'ip-device', 'ce3', 'shipping'],
    files: [RECEIPT, { field: 'shipping_documentation', what: 'Proof of delivery to the billing or usual address' }, MESSAGES, PACK],
    byHandText: [...CARRIER],
  },
  not_received: {
    parts: ['shipping', 'payment-checks'],
    files: [{ field: 'shipping_documentation', what: 'Proof of delivery: carrier scan, signature or photo' }, RECEIPT, MESSAGES, PACK],
    byHandText: [...CARRIER],
  },
  not_as_described: {
    parts: ['shipping', 'refunds'],
    files: [
      { field: 'refund_policy', what: 'The return and refund policy as shown at checkout' },
      RECEIPT,
      MESSAGES,
      { field: 'uncategorized_file', what: 'The product page as shown at purchase, and this pack' },
    ],
    byHandText: [{ field: 'refund_refusal_explanation', what: 'Why the customer is not entitled to a refund' }],
  },
  credit_not_processed: {
    parts: ['refunds', 'shipping'],
    files: [{ field: 'refund_policy', what: 'The return and refund policy as shown at checkout' }, MESSAGES, PACK],
    byHandText: [{ field: 'refund_refusal_explanation', what: 'Why the customer is not entitled to a refund, or the refund reference' }],
  },
  duplicate: {
    parts: ['duplicates', 'payment-checks', 'shipping'],
    files: [{ field: 'duplicate_charge_documentation', what: 'Receipt or shipping label of the other charge' }, RECEIPT, PACK],
    byHandText: [],
  },
  subscription_cancelled: {
    parts: ['refunds', 'payment-checks'],
    files: [{ field: 'cancellation_policy', what: 'The cancellation policy as shown to the customer' }, MESSAGES, RECEIPT, PACK],
    byHandText: [{ field: 'cancellation_rebuttal', what: 'Why the subscription was not cancelled before this charge' }],
  },
  general: {
    parts: ['payment-checks', 'shipping', 'refunds'],
    files: [RECEIPT, { field: 'shipping_documentation', what: 'Proof of delivery' }, MESSAGES, PACK],
    byHandText: [...CARRIER],
  },
};
