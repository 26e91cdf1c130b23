// Rows to fix of an import in the history, once its card is gone: written again from the file the
// analyst chooses, read as the import read it, with the problems the history kept. Only the file
// imported has those rows on those lines; another file gives a reason and no rows.
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { TABLE_ROWS } from '../../../renderer/src/core/backup/tableSchemas';
import { ImportService, type ImportResult } from '../../../renderer/src/core/imports/importService';
import type { ImportOutcome } from '../../../renderer/src/core/imports/importRunner';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { PROBLEM_COLUMN } from '../../../shared/ingest/rowsToFix';
import { fixedClock } from '../../../shared/time/clock';
import { shopifyExport, shopOrders } from '../../support/shopifyExport';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
let db: WorkbenchDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const completed = (r: ImportResult | undefined): ImportOutcome => {
  if (!r || r.status === 'asks') throw new Error(`expected an import, got ${JSON.stringify(r)}`);
  return r;
};

/** A Shopify export of 6 orders, #1002 without a total and #1005 with a word for one; `;` as a German Excel saves it. */
function brokenExport(): string {
  const rows = shopOrders(6, '2026-11-02', 40, 'example.de');
  rows[1]!.total = '';
  rows[4]!.total = 'kaputt';
  return shopifyExport(rows).replace(/,/g, ';');
}

async function imported(text: string) {
  db = createDb(`rows-to-fix-history-${n++}`);
  const file = new File([text], 'shop-november.csv', { type: 'text/csv' });
  const outcome = completed((await new ImportService(db, clock).run([file], null))[0]);
  expect(outcome.summary.quarantined).toBe(2);
  // A new service, as after leaving the screen or starting the app again: only the history is left.
  const service = new ImportService(db, clock);
  const [entry] = await service.list();
  return { service, entry: entry!, outcome, file };
}

describe('rows to fix from the import history', () => {
  it('the file chosen again gives the rows to fix the import card gave: header, the quarantined rows, their problems', async () => {
    const text = brokenExport();
    const { service, entry, outcome, file } = await imported(text);
    expect(entry.readAs).toEqual({ encoding: outcome.summary.encoding, delimiter: ';', headerLine: 1, cardColumns: [] });
    const again = await service.rowsToFixOf(entry.id, new File([text], 'shop-november (1).csv'));
    if ('problem' in again) throw new Error(again.problem);
    expect(again).toEqual(await service.rowsToFix(file, outcome.summary));
    expect(again.rows).toBe(2);
    const rows = Papa.parse<string[]>(again.csv.trim(), { delimiter: ';' }).data;
    expect(rows[0]).toEqual([...text.split('\n')[0]!.split(';'), PROBLEM_COLUMN]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['#1002', '#1005']);
    expect(rows[1]!.at(-1)).toMatch(/Total/);
    expect(rows[2]!.at(-1)).toMatch(/Total/);
  });

  it('another file, even of the same size, gives a reason and no rows', async () => {
    const text = brokenExport();
    const { service, entry } = await imported(text);
    const sameSize = text.replace('#1003', '#1009');
    expect(sameSize).toHaveLength(text.length);
    expect(await service.rowsToFixOf(entry.id, new File([sameSize], 'shop-november.csv'))).toEqual({
      problem: 'its content is not that of shop-november.csv as it was imported',
    });
    expect(await service.rowsToFixOf(entry.id, new File([text + '#1007;x\n'], 'shop-november.csv'))).toHaveProperty('problem');
  });

  it('the history row keeps how its file was read, and a backup takes it', async () => {
    const { entry } = await imported(brokenExport());
    const record = await db.imports.get(entry.id);
    expect(TABLE_ROWS.imports.safeParse(record).success).toBe(true);
    expect(TABLE_ROWS.imports.safeParse({ ...record, readAs: { ...record!.readAs, headerLine: 0 } }).success).toBe(false);
  });

  it('an import from before the history kept how its file was read has no rows to fix to write again', async () => {
    const { service, entry } = await imported(brokenExport());
    await db.imports.update(entry.id, { readAs: undefined });
    await expect(service.rowsToFixOf(entry.id, new File([brokenExport()], 'shop-november.csv'))).rejects.toThrow(/no rows to fix/);
  });
});
