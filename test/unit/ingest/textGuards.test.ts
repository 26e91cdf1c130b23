// exports meant for Excel write ids and postcodes as text formulas, ="00123", so that Excel
// keeps their leading zeros. The value the file means is 00123; read verbatim, the order number and
// the postcode are other texts than the same order's and address's in every other export.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { bucketsAddUp, mappedWooOrders, runImport, values } from './support';

const WOO = mappedWooOrders({
  currency: 'Currency',
  email: 'Billing Email',
  phone: 'Billing Phone',
  shipStreet: 'Shipping Address 1',
  shipPostcode: 'Shipping Postcode',
  shipCity: 'Shipping City',
  shipCountry: 'Shipping Country',
  customerId: 'Customer ID',
});

const HEADER =
  'Order Number;Order Date;Order Total;Currency;Billing Email;Billing Phone;Shipping Address 1;Shipping Postcode;Shipping City;Shipping Country;Customer ID\r\n';

describe('Excel text guards ="…"', () => {
  it('reads ="00123" as 00123 in ids, postcodes and phones', async () => {
    const text = HEADER + '="000123";01.05.2026 10:00;49,90;EUR;Anna@Example.com;="01701234567";Hauptstr. 5;="01067";Dresden;DE;="000042"\r\n';
    const run = await runImport(text, { preset: WOO, fileName: 'orders.csv' });
    expect(bucketsAddUp(run.summary)).toBe(true);
    const [o] = values<Order>(run, 'order');
    expect({ id: o?.externalId, zip: o?.shipPostcode, phone: o?.phone, customer: o?.customerId }).toEqual({
      id: '000123',
      zip: '01067',
      phone: '01701234567',
      customer: '000042',
    });
  });

  it('the same order from a file without guards is the same order, unchanged', async () => {
    const guarded = HEADER + '="000123";01.05.2026 10:00;49,90;EUR;anna@example.com;;Hauptstr. 5;="01067";Dresden;DE;\r\n';
    const plain = HEADER + '000123;01.05.2026 10:00;49,90;EUR;anna@example.com;;Hauptstr. 5;01067;Dresden;DE;\r\n';
    const first = await runImport(plain, { preset: WOO });
    const again = await runImport(guarded, { preset: WOO }, first.known);
    expect({ created: again.summary.created, updated: again.summary.updated, unchanged: again.summary.unchanged }).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
  });
});
