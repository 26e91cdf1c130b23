// Stripe Dashboard exports: payments (amounts in major units, card summary, dispute columns,
// metadata as `<key> (metadata)`) and disputes. Payments join orders by a configurable reference.
import type { FormatPreset } from './preset';

/** The payments export's order reference: the metadata column if the file has it, else Description. */
export const STRIPE_ORDER_REFERENCE = ['order_id (metadata)', 'Description'] as const;

export const STRIPE_PAYMENTS: FormatPreset = {
  id: 'stripe-payments',
  label: 'Stripe payments export',
  kind: 'payments',
  markerColumns: ['id', 'Created date (UTC)', 'Amount', 'Currency', 'Status'],
  delimiter: ',',
  mapping: {
    id: 'id',
    orderRef: STRIPE_ORDER_REFERENCE,
    createdAt: ['Created date (UTC)', 'Created (UTC)'],
    amount: 'Amount',
    amountRefunded: 'Amount Refunded',
    currency: 'Currency',
    status: 'Status',
    email: 'Customer Email',
    ip: ['ip (metadata)', 'ip_address (metadata)', 'customer_ip (metadata)', 'IP Address', 'IP'],
    cardNumber: ['Card Number', 'PAN'],
    cardBin: ['Card BIN', 'Card IIN', 'BIN', 'IIN'],
    cardLast4: 'Card Last4',
    cardExpMonth: 'Card Exp Month',
    cardExpYear: 'Card Exp Year',
    cardFingerprint: 'Card Fingerprint',
    cardBrand: 'Card Brand',
    cardCountry: 'Card Issue Country',
    cvcCheck: 'Card CVC Status',
    avsPostcodeCheck: 'Card AVS Zip Status',
    avsLine1Check: 'Card AVS Line1 Status',
    // The shop's checkout device, when its integration writes it into the charge's metadata.
    deviceId: ['device_id (metadata)', 'device_fingerprint (metadata)', 'deviceId (metadata)'],
    // The shop's checkout session, when its integration writes it into the charge's metadata.
    sessionId: ['session_id (metadata)', 'checkout_session_id (metadata)', 'sessionId (metadata)'],
    disputeId: ['Dispute ID'],
    disputeAmount: 'Disputed Amount',
    disputeStatus: 'Dispute Status',
    disputeReason: 'Dispute Reason',
    disputeOpenedAt: 'Dispute Date (UTC)',
    disputeDueAt: 'Dispute Evidence Due (UTC)',
  },
  options: { source: 'stripe', timeZone: 'UTC', decimalMark: '.', orderSource: 'shopify', grouping: 'none' },
};

/**
 * The payments export as Stripe wrote it before `Created (UTC)` became `Created date (UTC)`, read
 * the same way. `Amount Refunded` tells it from the balance history and the application-fee export
 * of those years, which also have an id, `Created (UTC)`, an amount and (the balance history) a status.
 */
export const STRIPE_PAYMENTS_CREATED_UTC: FormatPreset = {
  ...STRIPE_PAYMENTS,
  id: 'stripe-payments-created-utc',
  label: 'Stripe payments export (older, Created (UTC))',
  markerColumns: ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status'],
};

export const STRIPE_DISPUTES: FormatPreset = {
  id: 'stripe-disputes',
  label: 'Stripe disputes export',
  kind: 'disputes',
  markerColumns: ['id', 'Reason', 'Status', 'Charge ID'],
  delimiter: ',',
  mapping: {
    id: 'id',
    paymentId: ['Charge ID', 'Payment Intent ID'],
    orderRef: ['order_id (metadata)', 'Charge Description', 'Description'],
    reasonCode: 'Reason',
    amount: ['Amount', 'Disputed Amount'],
    currency: 'Currency',
    openedAt: ['Created (UTC)', 'Created date (UTC)', 'Created'],
    dueAt: ['Evidence Due By (UTC)', 'Evidence Due By', 'Due By (UTC)'],
    status: 'Status',
    network: ['Card Brand', 'Payment Method Type'],
  },
  options: { source: 'stripe', timeZone: 'UTC', decimalMark: '.', orderSource: 'shopify', grouping: 'file' },
};
