// Found by a security review: a cell holding the *other* list separator smuggles a formula into a spreadsheet whose
// locale splits CSV on that separator (German, French, Dutch Excel split on `;`; a `;` file opened in
// an English Excel splits on `,`). The writer quotes a cell only for its own delimiter, so the
// hostile part arrives unquoted and begins a cell of its own.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, toCsv } from '../../../shared/export/csv';
import { rowsToFix } from '../../../shared/ingest/rowsToFix';
import type { RowProblem } from '../../../shared/ingest/problems';

/** The cells a spreadsheet that splits on `sep` would run as formulas. */
function formulasWhenSplitOn(csv: string, sep: string): string[] {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: sep, skipEmptyLines: true }).data;
  return rows.flat().filter((c) => isFormulaLike(c));
}

const DDE = "=cmd|' /C calc'!A0";

describe('CSV writer: formulas behind the other list separator', () => {
  it('a report table cell `Anna;=cmd|...` is no formula in a spreadsheet that splits on ;', () => {
    const csv = toCsv(['customer', 'orders'], [[`Anna Pohl;${DDE};x`, 3]]);
    expect(formulasWhenSplitOn(csv, ';')).toEqual([]);
  });

  it('rows to fix of a `;` file: a name `Max,=cmd|...` is no formula in a spreadsheet that splits on ,', () => {
    const file = `Order Number;Shipping Name;Order Total\r\n1001;Max,${DDE},x;oops\r\n`;
    const problems: RowProblem[] = [
      { file: 'orders.csv', line: 2, column: 3, columnName: 'Order Total', code: 'invalid-value', reason: 'column 3 (Order Total) is not an amount' },
    ];
    const csv = rowsToFix(file, 1, ';', problems);
    expect(formulasWhenSplitOn(csv, ',')).toEqual([]);
  });

  it('rows to fix of a `,` file (Shopify): a name `Max;=cmd|...` is no formula in a German spreadsheet', () => {
    const file = `Name,Billing Name,Total\r\n#1001,"Max;${DDE};x",oops\r\n`;
    const problems: RowProblem[] = [{ file: 'orders.csv', line: 2, column: 3, columnName: 'Total', code: 'invalid-value', reason: 'Total is not an amount' }];
    const csv = rowsToFix(file, 1, ',', problems);
    expect(formulasWhenSplitOn(csv, ';')).toEqual([]);
  });
});

describe('CSV writer: inner guards round-trip', () => {
  it.each([[';=1+1'], ['a;=1+1'], ["a,'=1"], ['x\n=cmd'], ['refund; -10 EUR'], ['a,1,-2'], ['\t=1+1'], ['\r\n=cmd'], ['\n-2'], [' \t@SUM(1)']])(
    '%j is guarded inside and restored exactly',
    async (v) => {
      const { neutraliseCell, restoreCell } = await import('../../../shared/export/csv');
      const cell = neutraliseCell(v);
      expect(restoreCell(cell)).toBe(v);
      for (const sep of [',', ';', '\t']) expect(cell.split(sep).filter((c) => isFormulaLike(c))).toEqual([]);
    },
  );
});
