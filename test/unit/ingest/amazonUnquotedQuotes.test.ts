// Amazon's flat-file order reports quote nothing: a product name is written as the seller typed it,
// quotes and all (`"Premium" Trinkflasche`, `"Die Eiskönigin Puzzle`). Importers that read them with
// CSV quoting lose those rows (amzn/selling-partner-api-models#2739, airbytehq/airbyte#38465).
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { bucketsAddUp, fixtureLines, runImport, values, withCells } from './support';

const [HEADER, ROW] = fixtureLines('amazon-all-orders.txt');
const order = (id: string, product: string, price: string) => withCells(HEADER!, ROW!, { 'amazon-order-id': id, 'product-name': product, 'item-price': price });

const rows = [
  order('302-0000001-0000001', '"Premium" Trinkflasche 1l', '10.00'),
  order('302-0000002-0000002', '"Die Eiskönigin Puzzle', '20.00'),
  order('302-0000003-0000003', 'Monitor 27" 4K', '30.00'),
  order('302-0000004-0000004', 'Trinkflasche 0,5l', '40.00'),
];
const text = [HEADER, ...rows].join('\n') + '\n';

describe('Amazon All Orders report: quotes in product names are text', () => {
  it.each([
    ['read at once', undefined],
    ['read in small chunks', [97, 13, 211]],
  ] as const)('every order is stored with its amount (%s)', async (_, sizes) => {
    const run = await runImport(text, { fileName: 'all-orders.txt' }, undefined, sizes);
    expect(run.summary.format).toBe('amazon-all-orders');
    expect(run.summary.problems).toEqual([]);
    expect(values<Order>(run, 'order').map((o) => [o.externalId, o.totalMinor])).toEqual([
      ['302-0000001-0000001', 800],
      ['302-0000002-0000002', 1800],
      ['302-0000003-0000003', 2800],
      ['302-0000004-0000004', 3800],
    ]);
    expect(bucketsAddUp(run.summary)).toBe(true);
  });
});
