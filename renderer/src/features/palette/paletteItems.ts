// What the command palette offers and in what order: screens, actions, orders, rings and disputes,
// ranked by how well their words match what was typed, recent choices first. Pure: no React here.

export type PaletteKind = 'screen' | 'action' | 'order' | 'ring' | 'dispute';

export interface PaletteItem {
  /** Unique across kinds: `screen:orders`, `order:shopify:#1001`, `dispute:dp_1`. */
  id: string;
  kind: PaletteKind;
  /** What the row says first: `Orders`, `#1001`, `Ring of #1001`. */
  label: string;
  /** What it says after: channel and amount, the dispute's reason. */
  detail?: string;
  /** Where it leads: a screen, an order key, a dispute id, an action name. */
  target: string;
  /** Orders: the order number the search is set to. */
  externalId?: string;
  /** Found by the orders search (an e-mail, a card, a device): shown even when its words do not match. */
  found?: boolean;
}

export const KIND_LABEL: Record<PaletteKind, string> = {
  screen: 'Screen',
  action: 'Action',
  order: 'Order',
  ring: 'Ring',
  dispute: 'Dispute',
};

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/**
 * How well `query` matches the item, higher is better; null when it does not. Every typed word
 * must occur in the label or detail: at the start of the label (best), at the start of a word, or
 * anywhere; or be the start of the kind's name ("order", "dispute").
 */
export function matchScore(item: Pick<PaletteItem, 'label' | 'detail' | 'kind' | 'found'>, query: string): number | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const label = fold(item.label);
  const text = `${label} ${fold(item.detail ?? '')}`;
  const kind = fold(KIND_LABEL[item.kind]);
  let score = 0;
  for (const w of words) {
    const at = text.indexOf(w);
    if (at < 0) {
      // "order 1001", "dispute fraud": the kind's name counts when typed from its start. The
      // orders search already matched a found order, on fields the palette does not show.
      if (!kind.startsWith(w) && !item.found) return null;
      score += 1;
    } else if (label.startsWith(w)) score += 3;
    else if (at === 0 || /[\s·#:(/-]/.test(text[at - 1]!)) score += 2;
    else score += 1;
  }
  return score;
}

/**
 * The items to show for `query`, best first: with nothing typed, the recent ones (most recent
 * first) and then the rest in their order; with a query, by score, a recent item ahead of an
 * equal one, then in their given order.
 */
export function rankItems(items: readonly PaletteItem[], query: string, recent: readonly string[], limit = 12): PaletteItem[] {
  const recency = new Map(recent.map((id, i) => [id, recent.length - i]));
  const seen = new Set<string>();
  const scored: { item: PaletteItem; score: number; recent: number; order: number }[] = [];
  items.forEach((item, order) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    const score = matchScore(item, query);
    if (score !== null) scored.push({ item, score, recent: recency.get(item.id) ?? 0, order });
  });
  const typed = query.trim() !== '';
  scored.sort((a, b) => (typed ? b.score - a.score : 0) || b.recent - a.recent || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.item);
}

/** The recent list after choosing `item`: it moves to the front, at most `max` kept. */
export function withRecent(recent: readonly PaletteItem[], item: PaletteItem, max = 8): PaletteItem[] {
  return [item, ...recent.filter((r) => r.id !== item.id)].slice(0, max);
}
