// A `;` export with a decimal comma in an amount column and a last column that is mostly empty: each
// data row has exactly one `,`, so splitting at `,` gives a steady two fields a row, while the rows
// split at `;` differ by their trailing empty fields. The file is `;`-separated all the same.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../shared/ingest/delimiter';
import { bucketsAddUp, fixture, runImport, values } from './support';

/** The file as a German spreadsheet saves it again: `;` between fields, `120,00` for 120.00. */
function germanResave(text: string): string {
  const rows = Papa.parse<string[]>(text.trim(), { delimiter: ',' }).data;
  return rows.map((r) => r.map((f) => (/^-?\d+\.\d\d$/.test(f) ? f.replace('.', ',') : f)).join(';')).join('\r\n') + '\r\n';
}

describe('a ; export with decimal commas', () => {
  it('a generic dispute list whose notes are mostly empty is read at ;, its header on line 1', () => {
    const header = 'PSP Reference;Order Reference;Reason Code;Due Date;Amount;Currency;Opened Date;Status;Network;Notes';
    const rows = [0, 1, 2, 3, 4, 5].map(
      (i) => `88360000000${i};#100${i};10.4;2${i}.05.2026;89,0${i};EUR;0${i + 1}.05.2026;open;visa;${i === 2 ? 'Kunde angerufen' : ''}`,
    );
    expect(detectLayout([header, ...rows].join('\n') + '\n')).toEqual({ delimiter: ';', headerLine: 1, columns: 10 });
  });

  it('an Adyen dispute report saved again by a German spreadsheet imports as the original does', async () => {
    const original = fixture('adyen-dispute-report.csv');
    const resaved = germanResave(new TextDecoder().decode(original));
    expect(resaved).toContain(';120,00;');
    const a = await runImport(original);
    const b = await runImport(resaved);
    expect(b.summary.errors).toEqual([]);
    expect(b.summary.format).toBe('adyen-disputes');
    expect(b.summary.delimiter).toBe(';');
    expect(bucketsAddUp(b.summary)).toBe(true);
    expect(b.summary.rows).toBe(a.summary.rows);
    expect(values(b, 'dispute')).toEqual(values(a, 'dispute'));
  });
});
