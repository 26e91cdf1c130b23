// Rows to fix of an Amazon report: Amazon quotes no field, so a product name that starts with a quote
// is text there too, and the rows after it stay rows of their own.
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../../renderer/src/core/imports/importService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { PROBLEM_COLUMN } from '../../../shared/ingest/rowsToFix';
import { fixedClock } from '../../../shared/time/clock';
import { fixtureLines, runImport, withCells } from '../ingest/support';

let db: WorkbenchDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('Amazon All Orders report: rows to fix', () => {
  it('a row whose product name starts with a quote is that row, and does not swallow the rows after it', async () => {
    const [HEADER, ROW] = fixtureLines('amazon-all-orders.txt');
    const text =
      [
        HEADER,
        withCells(HEADER!, ROW!, { 'amazon-order-id': '302-0000001-0000001', 'product-name': '"Premium" Trinkflasche 1l', 'purchase-date': 'gestern' }),
        withCells(HEADER!, ROW!, { 'amazon-order-id': '302-0000002-0000002' }),
        withCells(HEADER!, ROW!, { 'amazon-order-id': '302-0000003-0000003', 'purchase-date': 'morgen' }),
      ].join('\n') + '\n';
    const { summary } = await runImport(text, { fileName: 'all-orders.txt' });
    expect(summary.problems.map((p) => p.line)).toEqual([2, 4]);
    db = createDb('amazon-rows-to-fix');
    const csv = await new ImportService(db, fixedClock(Date.UTC(2026, 4, 10))).rowsToFix(new Blob([text]), summary);
    const rows = Papa.parse<string[]>(csv.trim(), { delimiter: '\t' }).data;
    const header = rows[0]!;
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => at(r, 'amazon-order-id'))).toEqual(['amazon-order-id', '302-0000001-0000001', '302-0000003-0000003']);
    expect(rows.map((r) => at(r, 'purchase-date'))).toEqual(['purchase-date', 'gestern', 'morgen']);
    expect(at(rows[1]!, 'product-name')).toBe('"Premium" Trinkflasche 1l');
    expect(at(rows[1]!, PROBLEM_COLUMN)).toContain('purchase-date');
  });
});
