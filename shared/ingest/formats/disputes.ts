// Dispute reports other than Stripe's: Adyen's "Dispute transaction details" (one row per dispute
// event, `Record Type` says which) and a generic dispute CSV for any other PSP.
import type { FormatPreset } from './preset';

export const ADYEN_DISPUTES: FormatPreset = {
  id: 'adyen-disputes',
  label: 'Adyen dispute report',
  kind: 'disputes',
  markerColumns: ['Psp Reference', 'Merchant Reference', 'Record Type', 'Dispute Amount'],
  mapping: {
    // Events of one dispute share the Dispute PSP Reference; older reports leave it empty.
    id: ['Dispute PSP Reference', 'Psp Reference'],
    paymentId: 'Psp Reference',
    orderRef: 'Merchant Reference',
    // The scheme's code (10.4, 4837) is what the reason-code families are keyed by. Each stage has a
    // `… Scheme Code` and a `… Reason Code` column, one naming the scheme (visa, mc, as the webhooks'
    // chargebackSchemeCode) and the other the code: the builder takes the value that is a code
    // (reasonCodeOf), whichever column it is in.
    reasonCode: ['CB Reason Code', 'CB Scheme Code', 'NoF Reason Code', 'NoF Scheme Code', 'RFI Reason Code', 'RFI Scheme Code'],
    // Adyen's category of the reason (Fraud, Consumer…), no code: what a row without a code shows.
    reasonText: 'Dispute Reason',
    amount: 'Dispute Amount',
    currency: 'Dispute Currency',
    // Each row is one event of the dispute, recorded at its Record Date; the Dispute Date is when
    // the dispute was raised, so a file holding only a later event (a reversal) still dates the
    // dispute, not the event. Reports without a Dispute Date are dated by their earliest event.
    openedAt: ['Dispute Date', 'Record Date'],
    eventAt: 'Record Date',
    // Adyen writes every date of the report in the account's time zone.
    timeZone: 'Record Date TimeZone',
    dueAt: ['Dispute End Date', 'Defense Period Ends', 'Respond By'],
    status: 'Record Type',
    network: 'Payment Method',
  },
  options: { source: 'adyen', timeZone: 'CET', decimalMark: '.', orderSource: 'shopify', grouping: 'file' },
};

/** A simple dispute CSV any PSP's data can be brought into: one row per dispute. */
export const GENERIC_DISPUTES: FormatPreset = {
  id: 'generic-disputes',
  label: 'Dispute CSV (generic)',
  kind: 'disputes',
  markerColumns: ['PSP Reference', 'Order Reference', 'Reason Code', 'Due Date'],
  mapping: {
    id: ['Dispute ID', 'PSP Reference'],
    paymentId: 'PSP Reference',
    orderRef: 'Order Reference',
    reasonCode: 'Reason Code',
    amount: 'Amount',
    currency: 'Currency',
    openedAt: ['Opened Date', 'Opened'],
    dueAt: 'Due Date',
    status: 'Status',
    network: ['Network', 'Card Brand', 'Scheme'],
  },
  options: { source: 'psp', timeZone: 'Europe/Berlin', orderSource: 'shopify', grouping: 'file' },
};
