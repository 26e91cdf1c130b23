// Writes the bench's payments input: the seeded demo year's card payments as a Stripe payments
// export (the columns of test/fixtures/imports/stripe-payments.csv, which is Stripe's), streamed to
// disk. A payments file is one record per row, the shape that was slowest to store.
import { generateDemo } from '../shared/demo';
import type { Payment } from '../shared/domain/payment';
import { writeCsvFile } from './csvFile';

export const STRIPE_HEADER = [
  'id',
  'Description',
  'Created date (UTC)',
  'Amount',
  'Amount Refunded',
  'Currency',
  'Captured',
  'Converted Amount',
  'Converted Currency',
  'Fee',
  'Status',
  'Statement Descriptor',
  'Customer ID',
  'Customer Description',
  'Customer Email',
  'Customer Phone',
  'Card ID',
  'Card Name',
  'Card Address Line1',
  'Card Address City',
  'Card Address Country',
  'Card Address Zip',
  'Card Brand',
  'Card Funding',
  'Card Last4',
  'Card Exp Month',
  'Card Exp Year',
  'Card Issue Country',
  'Card Fingerprint',
  'Card CVC Status',
  'Card AVS Zip Status',
  'Card AVS Line1 Status',
  'Card Tokenization Method',
  'Shipping Name',
  'Shipping Address Line1',
  'Shipping Address Line2',
  'Shipping Address City',
  'Shipping Address State',
  'Shipping Address Country',
  'Shipping Address Postal Code',
  'Disputed Amount',
  'Dispute Status',
  'Dispute Reason',
  'Dispute Date (UTC)',
  'Dispute Evidence Due (UTC)',
  'Invoice ID',
  'Client Reference ID',
  'order_id (metadata)',
  'ip (metadata)',
];

const STATUS: Record<Payment['status'], string> = { succeeded: 'Paid', failed: 'Failed', refunded: 'Refunded' };

function cell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One payment as a row of Stripe's export. */
export function stripeRow(p: Payment): string {
  const amount = (p.amountMinor / 100).toFixed(2);
  const [month = '', year = ''] = p.cardExpiry.split('/');
  const row: Record<string, string> = {
    id: p.id,
    Description: `Shopify order ${p.orderRef}`,
    'Created date (UTC)': new Date(p.createdAt).toISOString().slice(0, 19).replace('T', ' '),
    Amount: amount,
    'Amount Refunded': p.status === 'refunded' ? amount : '0.00',
    Currency: p.currency.toLowerCase(),
    Captured: p.status === 'failed' ? 'false' : 'true',
    Status: STATUS[p.status],
    'Customer Email': p.email,
    'Card Brand': p.cardBrand,
    'Card Last4': p.cardLast4,
    'Card Exp Month': month ? String(Number(month)) : '',
    'Card Exp Year': year ? `20${year}` : '',
    'Card Issue Country': p.cardCountry,
    'Card Fingerprint': p.cardFingerprint,
    'order_id (metadata)': p.orderRef,
    'ip (metadata)': p.ip,
  };
  return STRIPE_HEADER.map((h) => cell(row[h] ?? '')).join(',');
}

/** Writes up to `rows` payments of the demo year (fewer if the year holds fewer). */
export async function writePaymentsCsv(path: string, rows: number, seed: number, now: number): Promise<{ rows: number; bytes: number }> {
  let written = 0;
  const bytes = await writeCsvFile(path, STRIPE_HEADER, async (write) => {
    // About one order in four is an own-shop card payment: four orders a row is enough.
    const gen = generateDemo({ orders: rows * 4, seed, now, chunkSize: 10_000 });
    for (let step = gen.next(); !step.done && written < rows; step = gen.next()) {
      const lines: string[] = [];
      for (const p of step.value.payments) {
        if (written >= rows) break;
        lines.push(stripeRow(p));
        written++;
      }
      await write(lines);
    }
  });
  return { rows: written, bytes };
}
