// The global search box: free text over the columns an analyst types into (order number, email,
// card last 4 and BIN, postcode, city, name, device id, IP), case-insensitive substring match;
// a prefix narrows it to one column (`card:4703`, `email:`, `device:`, `ip:`, `city:`, `zip:`,
// `order:`, `name:`), and four digits alone are a card's last 4, said as such.
import type { OrderTextField } from '../domain/order';
import { rowAt } from './columns';

export const SEARCH_FIELDS = [
  'externalId',
  'email',
  'cardLast4',
  'cardBin',
  'shipPostcode',
  'shipCity',
  'shipName',
  'deviceId',
  'ip',
] as const satisfies readonly OrderTextField[];
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** One block's searchable columns, already lower-cased, with their value offsets. */
export interface SearchableBlock {
  /** Global row index of the block's first row. */
  start: number;
  columns: Record<SearchField, { lower: string; offsets: Uint32Array }>;
}

/** What a query asks for: which columns, what text, whole value or part of it, and in words. */
export interface SearchQuery {
  text: string;
  fields: readonly SearchField[];
  /** The whole value must equal the text (a card's last 4), not just contain it. */
  whole: boolean;
  /** "card last 4 is 4703" when the query was read as something narrower than free text. */
  reading: string | null;
}

const PREFIXES: Record<string, { fields: SearchField[]; words: string }> = {
  card: { fields: ['cardLast4', 'cardBin'], words: 'card BIN or last 4' },
  email: { fields: ['email'], words: 'email' },
  device: { fields: ['deviceId'], words: 'device id' },
  ip: { fields: ['ip'], words: 'IP' },
  city: { fields: ['shipCity'], words: 'city' },
  zip: { fields: ['shipPostcode'], words: 'postcode' },
  postcode: { fields: ['shipPostcode'], words: 'postcode' },
  order: { fields: ['externalId'], words: 'order number' },
  name: { fields: ['shipName'], words: 'name' },
};

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Reads the search box: a known prefix narrows the columns; four digits alone are a card's last 4. */
export function parseSearch(query: string): SearchQuery {
  const q = normaliseQuery(query);
  const m = /^([a-z]+):\s*(.*)$/.exec(q);
  const prefix = m ? PREFIXES[m[1]!] : undefined;
  if (m && prefix) {
    const text = m[2]!.trim();
    // card:4703 is a last 4, card:411111 a BIN: the whole value, not a part of one.
    if (m[1] === 'card' && /^\d{4}$/.test(text)) return { text, fields: ['cardLast4'], whole: true, reading: `card last 4 is ${text}` };
    if (m[1] === 'card' && /^\d{6,8}$/.test(text)) return { text, fields: ['cardBin'], whole: true, reading: `card BIN is ${text}` };
    return { text, fields: prefix.fields, whole: false, reading: text ? `${prefix.words} contains “${text}”` : null };
  }
  if (/^\d{4}$/.test(q)) return { text: q, fields: ['cardLast4'], whole: true, reading: `card last 4 is ${q} (order:${q} searches order numbers)` };
  return { text: q, fields: SEARCH_FIELDS, whole: false, reading: null };
}

/** Marks every global row whose searched fields contain (or, `whole`, equal) the query's text. */
export function searchMask(blocks: readonly SearchableBlock[], totalRows: number, query: string | SearchQuery): Uint8Array {
  const s = typeof query === 'string' ? parseSearch(query) : query;
  const q = s.text;
  const mask = new Uint8Array(totalRows);
  if (q === '') return mask.fill(1);
  for (const block of blocks) {
    for (const field of s.fields) {
      const { lower, offsets } = block.columns[field];
      for (let pos = lower.indexOf(q); pos !== -1; pos = lower.indexOf(q, pos + 1)) {
        const row = rowAt(offsets, pos);
        const end = offsets[row + 1]! - 1;
        // A match that runs across a separator is not inside one value.
        if (pos + q.length > end) continue;
        if (s.whole && (pos !== offsets[row] || pos + q.length !== end)) continue;
        mask[block.start + row] = 1;
      }
    }
  }
  return mask;
}

/** What free text can be narrowed to, in the order the search box offers it. */
export const MATCH_GROUPS = [
  { prefix: 'order', words: 'order number' },
  { prefix: 'email', words: 'email' },
  { prefix: 'name', words: 'name' },
  { prefix: 'city', words: 'city' },
  { prefix: 'zip', words: 'postcode' },
  { prefix: 'card', words: 'card BIN or last 4' },
  { prefix: 'device', words: 'device id' },
  { prefix: 'ip', words: 'IP' },
] as const;

export interface MatchGroup {
  /** The prefix that narrows the search to this group: `email:müller`. */
  prefix: string;
  words: string;
  /** The search that narrows to it, as the box would hold it. */
  search: string;
  /** Orders it finds under the table's filters (filled in by the store). */
  count: number;
}

/**
 * For free text (no prefix, not a card's last 4), the narrower searches it can become, one per
 * group of columns ("order:müller", "email:müller" …); null for a query already read as
 * something narrower. The store counts each the way the table would show it, filters included.
 */
export function matchGroupSearches(query: string): Omit<MatchGroup, 'count'>[] | null {
  const s = parseSearch(query);
  if (s.reading !== null || s.text === '') return null;
  // As typed (the search is case-insensitive; the box keeps the analyst's spelling).
  return MATCH_GROUPS.map((g) => ({ prefix: g.prefix, words: g.words, search: `${g.prefix}:${query.trim()}` }));
}
