// Sentences built around counts, said as a person would say them: "its 1 entry", not "all 1
// entries"; nothing about "the 0 rows it created". Pure, so the wording is tested on its own.
import { countOf, formatCount, sentenceCase } from '../../../shared/domain/money';

/** The decision log's verdict when its chain holds: "all 4 entries", "its 1 entry", or none yet. */
export function logIntactText(entries: number): string {
  if (entries === 0) return 'Log intact: no entries yet.';
  return entries === 1 ? 'Log intact: its 1 entry verified.' : `Log intact: all ${formatCount(entries)} entries verified.`;
}

/** What undoing an import does to the cache, naming only what there is: "The 3 rows it created are removed." */
export function undoneText(created: number, updated: number): string {
  const removed = created > 0 ? `the ${countOf(created, 'row')} it created ${created === 1 ? 'is' : 'are'} removed` : '';
  const restored = updated > 0 ? `the ${countOf(updated, 'row')} it updated get${updated === 1 ? 's its' : ' their'} previous values back` : '';
  const said = [removed, restored].filter(Boolean).join(' and ');
  return said ? `${sentenceCase(said)}.` : 'It created and updated nothing.';
}
