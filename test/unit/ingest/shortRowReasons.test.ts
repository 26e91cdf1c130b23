// A row too short for the header, set aside as another kind of row (the footers of PayPal's case
// report): its reason names the column, and quotes the cell only when it is a record-type code.
import { describe, expect, it } from 'vitest';
import { rowsToFix } from '../../../shared/ingest/rowsToFix';
import type { FormatPreset } from '../../../shared/ingest';
import { runImport, utf8 } from './support';

const preset: FormatPreset = {
  id: 'custom:typed-payments',
  label: 'Typed payments',
  kind: 'payments',
  markerColumns: ['Txn', 'Type'],
  mapping: { id: 'Txn', createdAt: 'Date', amount: 'Amount', currency: 'Currency' },
  options: { source: 'typed', timeZone: 'UTC' },
  rowKinds: { column: 'Type', include: ['payment'], noun: 'customer payment' },
};

describe('the reason of a short row of another kind', () => {
  it('never quotes a card number, an e-mail or a name the cell holds', async () => {
    const text = [
      'Txn,Date,Type,Amount,Currency',
      'T1,2026-01-05,Payment,25.00,EUR',
      // Cut short, its cells shifted: the kind column holds what the buyer typed.
      'T2,2026-01-05,Jane Roe 4111 1111 1111 1111 jane.roe@example.com',
    ].join('\n');
    const run = await runImport(utf8(text), { preset });
    expect(run.summary.problems.map((p) => [p.line, p.code, p.columnName])).toEqual([[3, 'other-row-kind', 'Type']]);
    const reason = run.summary.problems[0]!.reason;
    expect(reason).toBe('column 3 (Type) says this row is not a customer payment; it was not imported as one');
    for (const secret of ['4111', 'jane.roe', 'Jane Roe']) expect(reason).not.toContain(secret);
    // Nor does the rows-to-fix file carry it in its problem column (such rows are left out of it).
    expect(rowsToFix(text, 1, ',', run.summary.problems)).not.toContain('4111 1111');
  });

  it('names a record-type code as PayPal writes them (two capital letters)', async () => {
    const text = ['Txn,Date,Type,Amount,Currency', 'T1,2026-01-05,Payment,25.00,EUR', 'T2,2026-01-05,SF'].join('\n');
    const run = await runImport(utf8(text), { preset });
    expect(run.summary.problems[0]!.reason).toBe('column 3 (Type) says this row (SF) is not a customer payment; it was not imported as one');
  });
});
