// Column mappings as plain data (field -> column names) so the wizard can save them, and their
// resolution against one file's header into column indices that rows are read through.
import { isSecurityCodeColumn } from './cardData';
import { fieldsOf, type FieldSpec, type RecordKind } from './fields';
import { headerKey, type Header } from './headers';

/** Field -> column name, or candidate names in order of preference. */
export type ColumnMapping = Readonly<Record<string, string | readonly string[]>>;

export interface ResolvedMapping {
  kind: RecordKind;
  specs: readonly FieldSpec[];
  /** Per spec (same order): indices of the file's columns feeding it. */
  columns: number[][];
  byField: ReadonlyMap<string, number>;
  header: Header;
}

export interface MissingField {
  field: string;
  label: string;
  /** Column names the mapping looked for. */
  columns: string[];
}

function namesOf(source: string | readonly string[] | undefined): readonly string[] {
  if (source === undefined) return [];
  return typeof source === 'string' ? [source] : source;
}

/**
 * Resolves `mapping` against `header`. Columns named like card security codes are never resolved,
 * whatever the mapping says. Required fields whose columns are all absent come back in `missing`.
 */
export function resolveMapping(header: Header, kind: RecordKind, mapping: ColumnMapping): { resolved: ResolvedMapping; missing: MissingField[] } {
  const specs = fieldsOf(kind);
  const columns: number[][] = [];
  const byField = new Map<string, number>();
  for (const spec of specs) {
    const indices: number[] = [];
    for (const name of namesOf(mapping[spec.field])) {
      const key = headerKey(name);
      const at = header.keys.indexOf(key);
      if (at < 0 || isSecurityCodeColumn(key) || indices.includes(at)) continue;
      indices.push(at);
      if (spec.combine === 'firstColumn') break;
    }
    byField.set(spec.field, columns.length);
    columns.push(indices);
  }
  const resolved: ResolvedMapping = { kind, specs, columns, byField, header };
  const missing: MissingField[] = [];
  for (const spec of specs) {
    if (!spec.required || columns[byField.get(spec.field)!]!.length > 0) continue;
    if (spec.requiredUnless && columns[byField.get(spec.requiredUnless)!]!.length > 0) continue;
    missing.push({ field: spec.field, label: spec.label, columns: [...namesOf(mapping[spec.field])] });
  }
  return { resolved, missing };
}

/** Index of `field` in `resolved.specs`; throws for a field the kind does not have (a bug). */
export function fieldIndex(resolved: ResolvedMapping, field: string): number {
  const i = resolved.byField.get(field);
  if (i === undefined) throw new Error(`no field ${field} for ${resolved.kind}`);
  return i;
}

/** The value of field number `f` in one row, combined as its spec says (sums come back joined). */
export function readField(resolved: ResolvedMapping, f: number, row: readonly string[]): string {
  const cols = resolved.columns[f]!;
  if (cols.length === 0) return '';
  if (cols.length === 1) return row[cols[0]!]!.trim();
  const spec = resolved.specs[f]!;
  if (spec.combine === 'join' || spec.combine === 'sum') {
    let out = '';
    const sep = spec.separator ?? ' ';
    for (const c of cols) {
      const v = row[c]!.trim();
      if (v !== '') out = out === '' ? v : out + sep + v;
    }
    return out;
  }
  for (const c of cols) {
    const v = row[c]!.trim();
    if (v !== '') return v;
  }
  return '';
}

/** Column index the value of field `f` came from in this row (the first non-empty), or -1. */
export function sourceColumn(resolved: ResolvedMapping, f: number, row: readonly string[]): number {
  for (const c of resolved.columns[f]!) if (row[c]!.trim() !== '') return c;
  return resolved.columns[f]![0] ?? -1;
}

/** A row seen through a mapping, field by field: what the wizard's preview shows. */
export function applyMapping(resolved: ResolvedMapping, row: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let f = 0; f < resolved.specs.length; f++) {
    if (resolved.columns[f]!.length > 0) out[resolved.specs[f]!.field] = readField(resolved, f, row);
  }
  return out;
}

/** Fields a mapping fills from columns present in the file (defaults are not "provided"). */
export function providedFields(resolved: ResolvedMapping): string[] {
  return resolved.specs.filter((_, f) => resolved.columns[f]!.length > 0).map((s) => s.field);
}
