// Spreadsheet damage to ids and link keys. Excel shows a number of 12+ digits in scientific
// notation and writes it so when the file is saved as CSV (8836000000001011 -> 8.836E+15): the real
// id is gone, and different ids collapse into one text. Stored as a key, that text merges different
// payments, orders or customers. Such a cell must be set aside with its line and column, never stored.
import { describe, expect, it } from 'vitest';
import type { FormatPreset } from '../../../shared/ingest';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { isScientificNotation } from '../../../shared/ingest/build/grouping';
import { bucketsAddUp, fixture, runImport, values } from './support';

describe('ids Excel rewrote in scientific notation', () => {
  it('Adyen received payments re-saved in Excel: PSP references 8.836E+15 are set aside, not stored as one payment', async () => {
    // The repository's own fixture, as Excel writes it back: every 16-digit Psp Reference becomes 8.836E+15.
    const text = new TextDecoder().decode(fixture('adyen-received-payments.csv')).replace(/,88360000000010\d\d,/g, ',8.836E+15,');
    const run = await runImport(text, { fileName: 'received_payments_report_2026_05_07.csv' });
    const s = run.summary;
    expect(s.format).toBe('adyen-received-payments');
    expect(bucketsAddUp(s)).toBe(true);
    // Nothing keyed by the rewritten value: four different payments would be one.
    expect(values<Payment>(run, 'payment').map((p) => p.id)).toEqual([]);
    expect(s.quarantined).toBe(4);
    const p = s.problems.find((x) => x.line === 2)!;
    expect(p).toMatchObject({ line: 2, column: 3, columnName: 'Psp Reference', code: 'invalid-value' });
    expect(p.reason).toMatch(/scientific notation/);
  });

  it('a shop export with long numeric order numbers (German Excel: 1,01055E+13): two orders are not merged into one', async () => {
    const preset: FormatPreset = {
      id: 'kaufland-orders',
      label: 'Kaufland orders (mapped)',
      kind: 'orders',
      markerColumns: ['Bestellnummer', 'Bestelldatum', 'Gesamtbetrag'],
      mapping: { externalId: 'Bestellnummer', createdAt: 'Bestelldatum', total: 'Gesamtbetrag', customerId: 'Kundennummer' },
      options: { source: 'kaufland', marketplace: 'other', channel: 'Kaufland.de', timeZone: 'Europe/Berlin', defaultCurrency: 'EUR', grouping: 'adjacent' },
    };
    const text =
      'Bestellnummer;Bestelldatum;Gesamtbetrag;Kundennummer\r\n' +
      '1,01055E+13;01.05.2026 10:00;49,90;K-1\r\n' + // 10105512345671
      '1,01055E+13;01.05.2026 11:30;120,00;K-2\r\n' + // 10105512345689: another order, another customer
      '10105512345697;02.05.2026 09:00;15,00;1,23457E+11\r\n'; // a customer number Excel rewrote
    const run = await runImport(text, { preset, fileName: 'bestellungen.csv' });
    const s = run.summary;
    expect(bucketsAddUp(s)).toBe(true);
    const orders = values<Order>(run, 'order');
    expect(orders.map((o) => o.externalId)).toEqual([]);
    expect(orders.some((o) => /E\+/i.test(o.customerId))).toBe(false);
    expect(s.quarantined).toBe(3);
    for (const p of s.problems) expect(p.reason).toMatch(/scientific notation/);
    expect(s.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 1, 'invalid-value'],
      [3, 1, 'invalid-value'],
      [4, 4, 'invalid-value'],
    ]);
  });
});

describe('isScientificNotation', () => {
  it.each(['8.836E+15', '1,01055E+13', '1E+12', ' 5.8E+12 ', '-1.2e+14'])('%s is a rewritten number', (v) => expect(isScientificNotation(v)).toBe(true));
  it.each(['8836000000001011', '#1001', 'E+15', '302-1234567-7654321', 'A1E+23B', '1.5E-03', '1.5E+3', 'dp_1E+15'])('%s is not', (v) =>
    expect(isScientificNotation(v)).toBe(false),
  );
});
