// Zalando orders flattened from zDirect, the partner API: Zalando documents no CSV export, so the
// preset reads the API's own attribute names (formats.md). Public zDirect clients read an order's
// total and currency as `order_lines_price_amount` and `order_lines_price_currency` (a TypeScript
// client's getOrders test document: `order_lines_price_amount: 156, order_lines_price_currency:
// 'EUR'`, `customer_phone: { number: ... }`; a Python MCP tool's test of
// /merchants/{id}/orders; a Python order-sync script reading `order_lines_price_amount`; the stored
// code index did not name their repositories). A file of those columns was refused for want of a
// total, although it holds one.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { bucketsAddUp, runImport, values } from './support';

const HEADER = [
  'order_id',
  'order_number',
  'order_date',
  'status',
  'customer_number',
  'customer_email',
  'customer_phone.number',
  'shipping_address.first_name',
  'shipping_address.last_name',
  'shipping_address.address_line_1',
  'shipping_address.zip_code',
  'shipping_address.city',
  'shipping_address.country_code',
  'order_lines_count',
  'order_lines_price_amount',
  'order_lines_price_currency',
].join(',');

describe('Zalando orders with zDirect attribute names', () => {
  it('reads the total, currency and phone from the columns zDirect names them by', async () => {
    const text =
      [
        HEADER,
        '7d7d9a3e-0000-4000-8000-000000000001,10101010,2026-09-20T10:00:00Z,approved,Z-1,ada@example.com,+49 170 1234567,Ada,Lovelace,Charles Street 1337,10115,Berlin,DE,2,156.00,EUR',
        '7d7d9a3e-0000-4000-8000-000000000002,10101011,2026-09-20T11:30:00Z,fulfilled,Z-2,bo@example.com,,Bo,Berg,Seeweg 9,1010,Wien,AT,1,59.95,EUR',
      ].join('\n') + '\n';
    const run = await runImport(text, { fileName: 'zalando-orders.csv' });
    const s = run.summary;
    expect(s.errors).toEqual([]);
    expect(s.format).toBe('zalando-orders');
    expect(bucketsAddUp(s)).toBe(true);
    expect(values<Order>(run, 'order').map((o) => [o.externalId, o.totalMinor, o.currency, o.phone, o.shipCity])).toEqual([
      ['10101010', 15600, 'EUR', '+49 170 1234567', 'Berlin'],
      ['10101011', 5995, 'EUR', '', 'Wien'],
    ]);
  });
});
