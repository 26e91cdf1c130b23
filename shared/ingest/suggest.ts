// Mapping suggestions for files no preset knows: each field gets the column whose name is most
// like one of the field's usual names (English or German), each column used at most once.
import { fieldsOf, type RecordKind } from './fields';
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

/** Best column per field for `headers`, greedily by score (>= 0.5). */
export function suggestMapping(headers: readonly string[], kind: RecordKind): { mapping: ColumnMapping; suggestions: MappingSuggestion[] } {
  const scored: MappingSuggestion[] = [];
  for (const spec of fieldsOf(kind)) {
    for (const column of headers) {
      if (
        spec.notWords &&
        fold(column)
          .split(' ')
          .some((w) => spec.notWords!.includes(w))
      )
        continue;
      let best = 0;
      for (const syn of spec.synonyms) best = Math.max(best, nameSimilarity(column, syn));
      if (best >= (spec.exactName ? 0.95 : 0.5)) scored.push({ field: spec.field, column, score: Math.round(best * 100) / 100 });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const usedFields = new Set<string>();
  const usedColumns = new Set<string>();
  const suggestions: MappingSuggestion[] = [];
  for (const s of scored) {
    if (usedFields.has(s.field) || usedColumns.has(s.column)) continue;
    usedFields.add(s.field);
    usedColumns.add(s.column);
    suggestions.push(s);
  }
  const mapping: Record<string, string> = {};
  for (const s of suggestions) mapping[s.field] = s.column;
  return { mapping, suggestions };
}
