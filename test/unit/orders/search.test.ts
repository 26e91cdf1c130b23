import { describe, expect, it } from 'vitest';
import { columnOffsets, encodeOrders } from '../../../shared/orders/columns';
import { SEARCH_FIELDS, searchMask, type SearchableBlock } from '../../../shared/orders/search';
import { order } from '../../support/orders';

function block(orders: ReturnType<typeof order>[], start: number): SearchableBlock {
  const { text } = encodeOrders(orders);
  const columns = {} as SearchableBlock['columns'];
  for (const f of SEARCH_FIELDS) {
    const lower = text[f].toLowerCase();
    columns[f] = { lower, offsets: columnOffsets(lower, orders.length) };
  }
  return { start, columns };
}

describe('order search', () => {
  const a = [
    order({ externalId: '#1001', email: 'Anna@GMX.de', cardLast4: '4242', shipPostcode: '10115' }),
    order({ externalId: '#1002', email: 'bob@web.de', cardLast4: '1881', shipPostcode: '80331', shipName: 'Bob Maier' }),
  ];
  const b = [order({ externalId: '302-1111111-2222222', email: 'x1@marketplace.amazon.de', cardLast4: '', shipPostcode: '20095', shipName: 'Carla Weiß' })];
  const blocks = [block(a, 0), block(b, 2)];
  const hits = (q: string) => Array.from(searchMask(blocks, 3, q)).flatMap((m, i) => (m ? [i] : []));

  it('finds by order number, email (any case), last4, postcode and name', () => {
    expect(hits('#1002')).toEqual([1]);
    expect(hits('anna@gmx')).toEqual([0]);
    expect(hits('1881')).toEqual([1]);
    expect(hits('20095')).toEqual([2]);
    expect(hits('weiß')).toEqual([2]);
    expect(hits('302-1111111')).toEqual([2]);
  });

  it('does not match across the boundary of two values', () => {
    // '#1001' ends row 0 and '#1002' starts row 1: "1#10" only exists across the separator.
    expect(hits('1\u001f#10')).toEqual([]);
    expect(hits('0115' + '\u001f' + '8')).toEqual([]);
  });

  it('matches everything for an empty query and nothing for an absent one', () => {
    expect(hits('  ')).toEqual([0, 1, 2]);
    expect(hits('nobody@nowhere')).toEqual([]);
  });
});
