// An order's number as the decision log, the decision form and the notices show it: a named
// shop's orders say which shop, so two shops' #1001 never read alike.
import { describe, expect, it } from 'vitest';
import { orderKey, orderKeyLabel } from '../../../shared/domain/order';
import { shopSource } from '../../../shared/ingest/shops';

describe('orderKeyLabel', () => {
  it('the own shop and the marketplaces show the number alone', () => {
    expect(orderKeyLabel('shopify:#1001')).toBe('#1001');
    expect(orderKeyLabel('amazon:302-1234567-1234567')).toBe('302-1234567-1234567');
  });

  it('a named shop’s order names the shop, so its #1001 differs from the own shop’s', () => {
    const outlet = orderKey({ source: shopSource('shopify', 'Outlet Store'), externalId: '#1001' });
    expect(orderKeyLabel(outlet)).toBe('#1001 · outlet-store');
    expect(orderKeyLabel(outlet)).not.toBe(orderKeyLabel('shopify:#1001'));
  });

  it('an order number holding a colon or an @ is shown whole', () => {
    expect(orderKeyLabel('zalando:10203:A@1')).toBe('10203:A@1');
    expect(orderKeyLabel('shopify@outlet:#1:2')).toBe('#1:2 · outlet');
  });
});
