import { describe, expect, it } from 'vitest';
import { columnOffsets, encodeOrders } from '../../../shared/orders/columns';
import { matchGroupSearches, parseSearch, SEARCH_FIELDS, searchMask, type SearchableBlock } from '../../../shared/orders/search';
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
    order({
      externalId: '#1001',
      email: 'Anna@GMX.de',
      cardLast4: '4242',
      shipPostcode: '10115',
      shipCity: 'Berlin',
      deviceId: 'dev-7f3a',
      ip: '198.51.100.9',
    }),
    order({ externalId: '#1002', email: 'bob@web.de', cardLast4: '1881', shipPostcode: '80331', shipName: 'Bob Maier', shipCity: 'München', ip: '192.0.2.1' }),
  ];
  const b = [
    order({
      externalId: '302-1111111-2222222',
      email: 'x1@marketplace.amazon.de',
      cardLast4: '',
      shipPostcode: '20095',
      shipName: 'Carla Weiß',
      shipCity: 'Hamburg',
      ip: '192.0.2.2',
    }),
  ];
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

  it('finds by city, device id and IP too', () => {
    expect(hits('münchen')).toEqual([1]);
    expect(hits('dev-7f3a')).toEqual([0]);
    expect(hits('198.51.100')).toEqual([0]);
  });

  it('four digits alone are a card’s last 4, whole, and it says so; order: finds order numbers', () => {
    const c = [
      order({ externalId: '#4703', cardLast4: '1111' }),
      order({ externalId: 'A-14703-9', cardLast4: '4703' }),
      order({ externalId: '#1', cardLast4: '47031'.slice(0, 4) }),
    ];
    const only = [block(c, 0)];
    const hit = (q: string) => Array.from(searchMask(only, 3, q)).flatMap((m, i) => (m ? [i] : []));
    expect(hit('4703')).toEqual([1, 2]);
    expect(parseSearch('4703').reading).toBe('card last 4 is 4703 (order:4703 searches order numbers)');
    expect(hit('order:4703')).toEqual([0, 1]);
    expect(hit('card:4703')).toEqual([1, 2]);
    expect(parseSearch('card:424242').fields).toEqual(['cardBin']);
  });

  it('a prefix searches one column, any case, and says which', () => {
    expect(hits('city:berlin')).toEqual([0]);
    expect(hits('CITY: Berlin')).toEqual([0]);
    expect(hits('email:web.de')).toEqual([1]);
    expect(hits('name:maier')).toEqual([1]);
    expect(hits('zip:80331')).toEqual([1]);
    expect(hits('device:7f3a')).toEqual([0]);
    expect(hits('ip:198.51')).toEqual([0]);
    // Berlin is not an email.
    expect(hits('email:berlin')).toEqual([]);
    expect(parseSearch('city:Köln').reading).toBe('city contains “köln”');
    // An unknown prefix is plain text (an IPv6 address or a time has colons too).
    expect(parseSearch('foo:bar')).toMatchObject({ text: 'foo:bar', fields: SEARCH_FIELDS, reading: null });
  });

  it('matches everything for an empty query and nothing for an absent one', () => {
    expect(hits('  ')).toEqual([0, 1, 2]);
    expect(hits('nobody@nowhere')).toEqual([]);
  });
});

describe('where free text can narrow to', () => {
  it('one prefixed search per group of columns, each what the search box would hold', () => {
    expect(matchGroupSearches('  Koeln ')?.map((g) => g.search)).toEqual([
      'order:Koeln',
      'email:Koeln',
      'name:Koeln',
      'city:Koeln',
      'zip:Koeln',
      'card:Koeln',
      'device:Koeln',
      'ip:Koeln',
    ]);
    // Every prefix offered is one the search box reads as that group.
    for (const g of matchGroupSearches('koeln')!) expect(parseSearch(g.search).reading).toContain('koeln');
  });

  it('nothing for a query already narrowed: a prefix, a card’s last 4, or nothing', () => {
    expect(matchGroupSearches('city:koeln')).toBeNull();
    expect(matchGroupSearches('4242')).toBeNull();
    expect(matchGroupSearches('  ')).toBeNull();
  });
});
