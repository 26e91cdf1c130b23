// Decisions taken once from the first rows of a file, before any record is built: which columns
// hold full card numbers (never stored, only reduced to BIN + last 4) and the decimal mark.
import { decimalMarkEvidence, type DecimalMark } from './amounts';
import { cardNumberDigits, isCardNumberColumn } from './cardData';
import type { ResolvedMapping } from './mapping';

export const WARMUP_ROWS = 256;

/** Columns whose sampled values are full card numbers. */
export function cardNumberColumns(rows: readonly string[][], resolved: ResolvedMapping): number[] {
  const { header } = resolved;
  const identifierCols = new Set<number>();
  resolved.specs.forEach((spec, f) => {
    if (spec.identifier) for (const c of resolved.columns[f]!) identifierCols.add(c);
  });
  const found: number[] = [];
  for (let c = 0; c < header.names.length; c++) {
    let nonEmpty = 0;
    let cardNumbers = 0;
    for (const row of rows) {
      const v = row[c]!;
      if (v.trim() === '') continue;
      nonEmpty++;
      if (v.length >= 13 && cardNumberDigits(v)) cardNumbers++;
    }
    if (isCardNumberColumn({ nonEmpty, cardNumbers }, header.keys[c]!, identifierCols.has(c))) found.push(c);
  }
  return found;
}

/**
 * Takes card-number columns out of every field and feeds them to `cardNumber` (where the kind has
 * card fields), so their values are only ever reduced to BIN + last 4.
 */
export function routeCardNumberColumns(resolved: ResolvedMapping, columns: readonly number[]): void {
  if (columns.length === 0) return;
  const drop = new Set(columns);
  for (let f = 0; f < resolved.columns.length; f++) resolved.columns[f] = resolved.columns[f]!.filter((c) => !drop.has(c));
  const target = resolved.byField.get('cardNumber');
  if (target !== undefined) resolved.columns[target] = [...columns];
}

/** The decimal mark most amount cells of the sample agree on, or null if they do not say. */
export function voteDecimalMark(rows: readonly string[][], resolved: ResolvedMapping, amountFields: readonly string[]): DecimalMark | null {
  let dot = 0;
  let comma = 0;
  for (const field of amountFields) {
    const f = resolved.byField.get(field);
    if (f === undefined) continue;
    for (const c of resolved.columns[f]!) {
      for (const row of rows) {
        const vote = decimalMarkEvidence(row[c]!);
        if (vote === '.') dot++;
        else if (vote === ',') comma++;
      }
    }
  }
  if (dot === comma) return null;
  return dot > comma ? '.' : ',';
}
