// Writes the bench's import input: the seeded demo orders as a Zalando-style orders export
// (16 columns, comma-separated, ISO dates), streamed to disk so 1M rows never sit in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateDemo } from '../shared/demo';

const HEADER = [
  'order_number',
  'order_date',
  'customer_number',
  'customer_email',
  'customer_phone',
  'status',
  'line_status',
  'shipping_address.first_name',
  'shipping_address.last_name',
  'shipping_address.address_line_1',
  'shipping_address.zip_code',
  'shipping_address.city',
  'shipping_address.country_code',
  'currency',
  'order_amount',
  'article_name',
];

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const ARTICLES = ['Daunenjacke', 'Sneaker Low', 'Jeans Slim', 'Strickpullover', 'Sommerkleid', 'Chelsea Boots', 'Rucksack', 'Softshelljacke'];
const STATUS = { open: 'initial', paid: 'approved', fulfilled: 'fulfilled', cancelled: 'fulfilled', refunded: 'fulfilled' } as const;

export async function writeOrdersCsv(path: string, orders: number, seed: number, now: number): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path);
  let bytes = 0;
  let rows = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(HEADER.join(',') + '\n');
  const gen = generateDemo({ orders, seed, now, chunkSize: 10_000 });
  for (let step = gen.next(); !step.done; step = gen.next()) {
    const lines: string[] = [];
    for (const o of step.value.orders) {
      const [first, ...rest] = o.shipName.split(' ');
      lines.push(
        [
          o.externalId,
          new Date(o.createdAt).toISOString(),
          o.customerId,
          o.email,
          o.phone,
          STATUS[o.status],
          o.status === 'refunded' ? 'returned' : o.status === 'cancelled' ? 'canceled' : 'shipped',
          first ?? '',
          rest.join(' '),
          o.shipStreet,
          o.shipPostcode,
          o.shipCity,
          o.shipCountry,
          o.currency,
          (o.totalMinor / 100).toFixed(2),
          ARTICLES[rows % ARTICLES.length]!,
        ]
          .map((v) => cell(String(v)))
          .join(','),
      );
      rows++;
    }
    await write(lines.join('\n') + '\n');
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes };
}
