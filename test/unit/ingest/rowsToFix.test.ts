import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importChunks, MemoryKnownRecords } from '../../../shared/ingest';
import { PROBLEM_COLUMN, rowsToFix } from '../../../shared/ingest/rowsToFix';

const stripe = readFileSync(new URL('../../fixtures/imports/stripe-payments.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');

async function dryRun(name: string, text: string, known = new MemoryKnownRecords()) {
  return importChunks([new TextEncoder().encode(text)], { fileName: name }, known);
}

describe('rows to fix', () => {
  it('gives back the header and the quarantined rows as written, which import once corrected', async () => {
    const [header, ...rows] = stripe.trimEnd().split('\n');
    const broken = [header, rows[0] + ',surplus', ...rows.slice(1)].join('\n') + '\n';
    const known = new MemoryKnownRecords();
    const first = await dryRun('stripe.csv', broken, known);
    expect(first.quarantined).toBe(1);

    const toFix = rowsToFix(broken, first.headerLine!, first.delimiter!, first.problems);
    const lines = toFix.trimEnd().split('\r\n');
    expect(lines[0]).toBe(`${header},${PROBLEM_COLUMN}`);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith(rows[0] + ',surplus,')).toBe(true);
    expect(lines[1]).toContain('row has');

    // The analyst deletes the stray value and the problem note, and imports the file again.
    const fixed = toFix.replace(',surplus', '').replace(/,[^,]*row has[^\r]*/, ',');
    const second = await dryRun('stripe-fixed.csv', fixed, known);
    expect(second.quarantined).toBe(0);
    expect(second.created).toBe(1);
  });

  it('keeps a multi-line quoted record whole and lists each row once with all its reasons', () => {
    const text = 'a,b,c\n1,"two\nlines",3\n4,5\n';
    const out = rowsToFix(text, 1, ',', [
      { file: 'f', line: 2, code: 'invalid-value', reason: 'bad b', columnName: 'b', column: 2 },
      { file: 'f', line: 2, code: 'invalid-value', reason: 'bad c', columnName: 'c', column: 3 },
      { file: 'f', line: 4, code: 'ragged', reason: '=too few fields' },
    ]);
    expect(out).toBe(`a,b,c,${PROBLEM_COLUMN}\r\n1,"two\nlines",3,b: bad b; c: bad c\r\n4,5,'=too few fields\r\n`);
  });
});
