// Whole files read through the importer: a Swiss shop's "49.-" is 49 francs (not minus 49), and an
// order whose fulfilment says it has not shipped yet stays unshipped (so it stays reviewable).
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { importChunks, MemoryKnownRecords } from '../../../shared/ingest';

const HEADER = 'Name,Email,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem name,Shipping Zip,Shipping City,Shipping Country';

async function ordersOf(text: string): Promise<{ orders: Map<string, Order>; quarantined: number }> {
  const orders = new Map<string, Order>();
  const summary = await importChunks([new TextEncoder().encode(text)], { fileName: 'orders_export.csv' }, new MemoryKnownRecords(), (batch) => {
    for (const r of batch.created) if (r.kind === 'order') orders.set(r.value.externalId, r.value);
  });
  return { orders, quarantined: summary.quarantined };
}

describe('an own-shop export with Swiss prices and German fulfilment words', () => {
  it('reads "49.-" as 49.00 and keeps orders that have not shipped out of "fulfilled"', async () => {
    const { orders, quarantined } = await ordersOf(
      [
        HEADER,
        '#2001,a@example.ch,paid,versendet,CHF,49.-,2026-11-02 10:00:00 +0100,Item,8001,Zürich,CH',
        '#2002,b@example.ch,paid,Versand ausstehend,CHF,CHF 1299.–,2026-11-02 11:00:00 +0100,Item,8001,Zürich,CH',
        '#2003,c@example.ch,paid,nicht versendet,CHF,12.50,2026-11-02 12:00:00 +0100,Item,8001,Zürich,CH',
      ].join('\n') + '\n',
    );
    expect(quarantined).toBe(0);
    expect([...orders.values()].map((o) => [o.externalId, o.totalMinor, o.status])).toEqual([
      ['#2001', 4900, 'fulfilled'],
      ['#2002', 129_900, 'paid'],
      ['#2003', 1250, 'paid'],
    ]);
  });
});
