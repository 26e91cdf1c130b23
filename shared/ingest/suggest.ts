// Mapping suggestions for files no preset knows: each field gets the column whose name is most
// like one of the field's usual names (English or German), each column used at most once, never a
// column named for the billing address as a ship-to field (nor the other way round).
import { fieldsOf, type FieldSpec, type RecordKind } from './fields';
import type { ColumnMapping } from './mapping';

export interface MappingSuggestion {
  field: string;
  column: string;
  /** 0..1: 1 is an exact name match. */
  score: number;
}

function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/** How much a column name looks like a synonym of a field. */
export function nameSimilarity(column: string, synonym: string): number {
  const c = fold(column);
  const s = fold(synonym);
  if (c === '' || s === '') return 0;
  if (c === s) return 1;
  const cc = c.replace(/ /g, '');
  const sc = s.replace(/ /g, '');
  if (cc === sc) return 0.95;
  const ct = c.split(' ');
  const st = s.split(' ');
  if (st.every((t) => ct.includes(t))) return 0.7 + 0.2 * (st.length / ct.length);
  if (ct.every((t) => st.includes(t))) return 0.5 * (ct.length / st.length) + 0.1;
  const d = dice(cc, sc);
  return d >= 0.8 ? 0.6 * d : 0;
}

type Address = NonNullable<FieldSpec['address']>;

/**
 * Words (folded) that name the address a column is of: qualifiers read away before matching
 * (`Lieferung PLZ` is the ship-to `PLZ`), and the starts of compounds that name one (`Rechnungsname`,
 * `Lieferanschrift`). A compound is not read away: `Rechnungsort` is no `Ort` of any field.
 */
const ADDRESS_WORDS: Record<Address, { qualifiers: readonly string[]; starts: readonly string[] }> = {
  ship: {
    qualifiers: [
      'lieferung',
      'liefer',
      'lieferadresse',
      'lieferanschrift',
      'versand',
      'versandadresse',
      'shipping',
      'ship',
      'delivery',
      'recipient',
      'empfaenger',
    ],
    starts: ['liefer', 'versandadress', 'versandanschrift', 'shipping', 'empfaenger'],
  },
  bill: {
    qualifiers: ['rechnung', 'rechnungs', 'rechnungsadresse', 'rechnungsanschrift', 'billing', 'bill', 'invoice'],
    starts: ['rechnung', 'billing', 'invoice'],
  },
};

const WHOLE_ADDRESS = ['address', 'adresse', 'anschrift'];

function namesAddress(words: readonly string[], address: Address): boolean {
  const { qualifiers, starts } = ADDRESS_WORDS[address];
  return words.some((w) => qualifiers.includes(w) || starts.some((s) => w.startsWith(s)));
}

interface Scored extends MappingSuggestion {
  /** Named for the field's own address: wins a tie over a bare name. */
  ownAddress: boolean;
  /** Index of the synonym matched: at a tie of whole names, the more usual name wins (`Straße` over `Hausnummer`). */
  synonym: number;
}

/** How well `column` names `spec`'s field, or null when it never does. */
function scoreColumn(spec: FieldSpec, column: string): Omit<Scored, 'field' | 'column'> | null {
  const words = fold(column).split(' ');
  if (spec.notWords && words.some((w) => spec.notWords!.includes(w))) return null;
  let ownAddress = false;
  const names = [column];
  if (spec.address) {
    const other: Address = spec.address === 'ship' ? 'bill' : 'ship';
    if (namesAddress(words, other)) return null;
    ownAddress = namesAddress(words, spec.address);
    const bare = words.filter((w) => !ADDRESS_WORDS[spec.address!].qualifiers.includes(w));
    // `Shipping Address` without its qualifier is no street: it is the whole address in one cell.
    if (bare.length > 0 && bare.length < words.length && !WHOLE_ADDRESS.includes(bare.join(' '))) names.push(bare.join(' '));
  }
  let score = 0;
  let synonym = -1;
  spec.synonyms.forEach((syn, i) => {
    const s = Math.max(...names.map((n) => nameSimilarity(n, syn)));
    if (s > score) [score, synonym] = [s, i];
  });
  if (score < (spec.exactName ? 0.95 : 0.5)) return null;
  return { score: Math.round(score * 100) / 100, ownAddress, synonym };
}

/**
 * Best column per field for `headers`, greedily by score (>= 0.5): each column goes to one field
 * at most, and each field takes one column.
 */
export function suggestMapping(headers: readonly string[], kind: RecordKind): { mapping: ColumnMapping; suggestions: MappingSuggestion[] } {
  const scored: Scored[] = [];
  for (const spec of fieldsOf(kind)) {
    for (const column of headers) {
      const s = scoreColumn(spec, column);
      if (s) scored.push({ field: spec.field, column, ...s });
    }
  }
  // At a tie of whole names the more usual name wins; of partial ones (`amazon-order-id` and
  // `purchase-order-number` both hold `order`), the file's order, as before.
  scored.sort((a, b) => b.score - a.score || Number(b.ownAddress) - Number(a.ownAddress) || (a.score >= 0.95 ? a.synonym - b.synonym : 0));
  const usedFields = new Set<string>();
  const usedColumns = new Set<string>();
  const suggestions: MappingSuggestion[] = [];
  for (const s of scored) {
    if (usedFields.has(s.field) || usedColumns.has(s.column)) continue;
    usedFields.add(s.field);
    usedColumns.add(s.column);
    suggestions.push({ field: s.field, column: s.column, score: s.score });
  }
  const mapping: Record<string, string> = {};
  for (const s of suggestions) mapping[s.field] = s.column;
  return { mapping, suggestions };
}
