// Entry numbers as a log entry's note or a dialog names them.

const LISTED_MAX = 400;

/**
 * "entry 3", "entries 3, 7–12": entry numbers in runs. So many that the text would outgrow what a
 * log entry's note holds (one ring decision puts its note on hundreds of orders) are counted
 * ("812 entries"), with `where` they are listed when given.
 */
export function entryNumbers(seqs: readonly number[], where?: string): string {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  const listed = `entr${sorted.length === 1 ? 'y' : 'ies'} ${runs.join(', ')}`;
  if (listed.length <= LISTED_MAX) return listed;
  return `${sorted.length.toLocaleString('en-US')} entries${where ? ` (${where})` : ''}`;
}
