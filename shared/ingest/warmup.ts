// Decisions taken once from the first rows of a file, before any record is built: the decimal mark
// its amounts use. (Card numbers are looked for in every cell instead: see cardScreen.ts.)
import { decimalMarkEvidence, type DecimalMark } from './amounts';
import type { ResolvedMapping } from './mapping';

export const WARMUP_ROWS = 256;

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
