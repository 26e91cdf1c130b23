// Adyen's "Received payment details" report (received_payments_report_YYYY_MM_DD.csv): one row per
// authorised or refused payment, with the shopper's IP and e-mail, the masked card and the issuer's checks.
import type { FormatPreset } from './preset';

export const ADYEN_RECEIVED_PAYMENTS: FormatPreset = {
  id: 'adyen-received-payments',
  label: 'Adyen received payments report',
  kind: 'payments',
  markerColumns: ['Psp Reference', 'Merchant Reference', 'Creation Date', 'Shopper Interaction', 'Acquirer Response'],
  delimiter: ',',
  mapping: {
    id: 'Psp Reference',
    orderRef: 'Merchant Reference',
    createdAt: 'Creation Date',
    timeZone: 'TimeZone',
    amount: 'Amount',
    currency: 'Currency',
    // Authorised or Refused: a refused attempt is a failed payment (card testing shows as many).
    status: 'Type',
    email: 'Shopper Email',
    ip: 'Shopper IP',
    // Masked as 411111******1111 unless the account may see full numbers; either way only BIN and last 4 are kept.
    cardNumber: 'Shopper PAN',
    // visa, mc, amex… (card payments); other methods keep their own word.
    cardBrand: 'Payment Method',
    cardCountry: 'Issuer Country',
    // Adyen's coded answers, e.g. `1 Matches`, `2 Neither postal code nor address match`, `Y`.
    cvcCheck: 'CVC2 Response',
    avsResult: 'AVS Response',
    threeDs: '3D Authentication Response',
  },
  // Creation Date is written without an offset, TimeZone beside it (the account's setting).
  options: { source: 'adyen', timeZone: 'CET', decimalMark: '.', orderSource: 'shopify', grouping: 'none' },
};
