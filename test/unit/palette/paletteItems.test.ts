import { describe, expect, it } from 'vitest';
import { matchScore, rankItems, withRecent, type PaletteItem } from '../../../renderer/src/features/palette/paletteItems';

const screen = (name: string): PaletteItem => ({ id: `screen:${name.toLowerCase()}`, kind: 'screen', label: name, target: name.toLowerCase() });
const order = (n: string, detail: string): PaletteItem => ({
  id: `order:shopify:${n}`,
  kind: 'order',
  label: n,
  detail,
  target: `shopify:${n}`,
  externalId: n,
});
const ITEMS = [
  screen('Orders'),
  screen('Rings'),
  screen('Review'),
  screen('Disputes'),
  screen('Reports'),
  order('#1001', 'Own shop · €59.90'),
  order('#2001', 'Outlet · €12.00'),
];

describe('command palette ranking', () => {
  it('every typed word must match; the start of the label beats the start of a word beats anywhere', () => {
    expect(matchScore(screen('Reports'), 'rep')).toBe(3);
    expect(matchScore(order('#1001', 'Own shop · €59.90'), 'shop')).toBe(2);
    expect(matchScore(order('#1001', 'Own shop · €59.90'), 'hop')).toBe(1);
    expect(matchScore(order('#1001', 'Own shop · €59.90'), 'own 1001')).toBe(4);
    expect(matchScore(screen('Reports'), 'rep xyz')).toBeNull();
    // Accents and case do not matter; the kind's name matches too.
    expect(matchScore({ kind: 'order', label: 'Müller', detail: '' }, 'muller order')).toBe(4);
    expect(matchScore(screen('Reports'), 'screen')).toBe(1);
    expect(matchScore(screen('Orders'), 're')).toBeNull();
    // An order the orders search found by its e-mail is kept though its row does not show the e-mail.
    expect(matchScore({ ...order('#1001', 'Own shop'), found: true }, 'anna@example.com')).toBe(1);
    expect(matchScore({ ...order('#1001', 'Own shop'), found: true }, '#1001')).toBe(3);
  });

  it('ranks by score, then recent, then given order; nothing typed shows the recent first', () => {
    expect(rankItems(ITEMS, 're', []).map((i) => i.label)).toEqual(['Review', 'Reports']);
    expect(rankItems(ITEMS, 're', ['screen:reports']).map((i) => i.label)).toEqual(['Reports', 'Review']);
    expect(rankItems(ITEMS, '', ['order:shopify:#2001', 'screen:review'], 4).map((i) => i.label)).toEqual(['#2001', 'Review', 'Orders', 'Rings']);
    expect(rankItems(ITEMS, 'outlet', []).map((i) => i.id)).toEqual(['order:shopify:#2001']);
  });

  it('keeps one item per id and at most the limit', () => {
    expect(rankItems([...ITEMS, screen('Orders')], 'orders', [])).toHaveLength(1);
    expect(rankItems(ITEMS, '', [], 3)).toHaveLength(3);
  });

  it('a chosen item moves to the front of the recent list, which keeps the newest few', () => {
    let recent: PaletteItem[] = [];
    for (const i of ITEMS) recent = withRecent(recent, i, 3);
    expect(recent.map((r) => r.label)).toEqual(['#2001', '#1001', 'Reports']);
    expect(withRecent(recent, ITEMS[6]!, 3).map((r) => r.label)).toEqual(['#2001', '#1001', 'Reports']);
    expect(withRecent(recent, ITEMS[0]!, 3).map((r) => r.label)).toEqual(['Orders', '#2001', '#1001']);
  });
});
