// Free-text search over the text columns an analyst types into the global search box:
// order number, email, card last4, postcode and name. Case-insensitive substring match.
import type { OrderTextField } from '../domain/order';
import { rowAt } from './columns';

export const SEARCH_FIELDS = ['externalId', 'email', 'cardLast4', 'shipPostcode', 'shipName'] as const satisfies readonly OrderTextField[];
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** One block's searchable columns, already lower-cased, with their value offsets. */
export interface SearchableBlock {
  /** Global row index of the block's first row. */
  start: number;
  columns: Record<SearchField, { lower: string; offsets: Uint32Array }>;
}

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Marks every global row whose searchable fields contain the query. */
export function searchMask(blocks: readonly SearchableBlock[], totalRows: number, query: string): Uint8Array {
  const q = normaliseQuery(query);
  const mask = new Uint8Array(totalRows);
  if (q === '') return mask.fill(1);
  for (const block of blocks) {
    for (const field of SEARCH_FIELDS) {
      const { lower, offsets } = block.columns[field];
      for (let pos = lower.indexOf(q); pos !== -1; pos = lower.indexOf(q, pos + 1)) {
        const row = rowAt(offsets, pos);
        // A match that runs across a separator is not inside one value.
        if (pos + q.length < offsets[row + 1]!) mask[block.start + row] = 1;
      }
    }
  }
  return mask;
}
