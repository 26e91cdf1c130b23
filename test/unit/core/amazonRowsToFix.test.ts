// Rows to fix of an Amazon report: Amazon quotes no field, so a product name that starts with a quote
// is text there too, and the rows after it stay rows of their own.
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../../renderer/src/core/imports/importService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { PROBLEM_COLUMN } from '../../../shared/ingest/rowsToFix';
import { fixedClock } from '../../../shared/time/clock';
import { fixtureLines, runImport, values, withCells } from '../ingest/support';

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
    const csv = (await new ImportService(db, fixedClock(Date.UTC(2026, 4, 10))).rowsToFix(new Blob([text]), summary)).csv;
    const rows = Papa.parse<string[]>(csv.trim(), { delimiter: '\t' }).data;
    const header = rows[0]!;
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => at(r, 'amazon-order-id'))).toEqual(['amazon-order-id', '302-0000001-0000001', '302-0000003-0000003']);
    expect(rows.map((r) => at(r, 'purchase-date'))).toEqual(['purchase-date', 'gestern', 'morgen']);
    expect(at(rows[1]!, 'product-name')).toBe('"Premium" Trinkflasche 1l');
    expect(at(rows[1]!, PROBLEM_COLUMN)).toContain('purchase-date');
  });

  it('the rows to fix, corrected and imported again as an Amazon report, give back the cells as Amazon wrote them, not their CSV quoting', async () => {
    const [HEADER, ROW] = fixtureLines('amazon-all-orders.txt');
    const date = ROW!.split('\t')[HEADER!.split('\t').indexOf('purchase-date')]!;
    const text =
      [
        HEADER,
        withCells(HEADER!, ROW!, { 'amazon-order-id': '302-0000001-0000001', 'ship-city': '"Neu" Isenburg', 'purchase-date': 'gestern' }),
        withCells(HEADER!, ROW!, { 'amazon-order-id': '302-0000002-0000002' }),
      ].join('\n') + '\n';
    const { summary } = await runImport(text, { fileName: 'all-orders.txt' });
    db = createDb('amazon-rows-to-fix-again');
    const csv = (await new ImportService(db, fixedClock(Date.UTC(2026, 4, 10))).rowsToFix(new Blob([text]), summary)).csv;
    // The writer quotes the cell, as a spreadsheet saving the file would.
    expect(csv).toContain('\t"""Neu"" Isenburg"\t');
    const fixed = csv.replace('\tgestern\t', `\t${date}\t`);
    const again = await runImport(fixed, { fileName: 'all-orders-rows-to-fix.txt' });
    expect(again.summary.format).toBe('amazon-all-orders');
    expect(again.summary.quarantined).toBe(0);
    const orders = values<{ externalId: string; shipCity: string }>(again, 'order');
    expect(orders.map((o) => [o.externalId, o.shipCity])).toEqual([['302-0000001-0000001', '"Neu" Isenburg']]);
    // Broken again: its own rows to fix keep one problem column, not one more each round.
    const broken = fixed.replace(`\t${date}\t`, '\tmorgen\t');
    const round = await runImport(broken, { fileName: 'all-orders-rows-to-fix.txt' });
    const csv2 = (await new ImportService(db, fixedClock(Date.UTC(2026, 4, 10))).rowsToFix(new Blob([broken]), round.summary)).csv;
    const rows = Papa.parse<string[]>(csv2.trim(), { delimiter: '\t' }).data;
    expect(rows[0]!.filter((h) => h === PROBLEM_COLUMN)).toHaveLength(1);
    expect(rows[1]![rows[0]!.indexOf('ship-city')]).toBe('"Neu" Isenburg');
    expect(rows[1]![rows[0]!.indexOf(PROBLEM_COLUMN)]).toContain('purchase-date');
    expect(rows[1]![rows[0]!.indexOf(PROBLEM_COLUMN)]).not.toContain('gestern');
  });
});
