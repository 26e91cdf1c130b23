import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { neutraliseCell, toCsv } from '../../../shared/export/csv';

describe('formula-safe CSV', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+49 30 123', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) {
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
    }
    expect(neutraliseCell('Anna')).toBe('Anna');
    expect(neutraliseCell('')).toBe('');
  });

  it('round-trips through a CSV parser, quotes and newlines included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 20 }), (rows) => {
        const csv = toCsv(['a', 'b'], rows);
        const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false }).data.slice(1, rows.length + 1);
        expect(parsed).toEqual(rows.map((r) => r.map(neutraliseCell)));
      }),
    );
  });
});
