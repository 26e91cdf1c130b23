import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../../shared/domain/luhn';
import { isFormulaLike } from '../../../shared/export/csv';
import { importChunks, MemoryKnownRecords } from '../../../shared/ingest';
import { PROBLEM_COLUMN, rowsToFix } from '../../../shared/ingest/rowsToFix';
import { ExportReader } from '../../../shared/ingest/reader';
import { TEST_CARDS } from '../domain/cardFixtures';

const stripe = readFileSync(new URL('../../fixtures/imports/stripe-payments.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');

async function dryRun(name: string, text: string, known = new MemoryKnownRecords()) {
  return importChunks([new TextEncoder().encode(text)], { fileName: name }, known);
}

/** Runs of 13-19 digits (single spaces or dashes between) that pass Luhn: what a PAN scanner flags. */
function cardLikeRuns(text: string): string[] {
  return [...text.matchAll(/\d(?:[ -]?\d)*/g)]
    .map((m) => m[0])
    .filter((run) => {
      const digits = run.replace(/\D/g, '');
      return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
    });
}

/** Every cell of a rows-to-fix file, as a spreadsheet would read it. */
function cellsOf(csv: string, delimiter = ','): string[][] {
  return Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: true }).data;
}

describe('rows to fix', () => {
  it('gives back the header and the quarantined rows, which import once corrected', async () => {
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

  it('a row given back with guarded cells imports as it was: the guards are not kept', async () => {
    const shopify = readFileSync(new URL('../../fixtures/imports/shopify-orders.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');
    // #1002's name and street as a shop wrote them, and its currency mistyped.
    const broken = shopify
      .replaceAll(',Ben Keller,', ', -Keller,')
      .replace(',Marktplatz 1,Marktplatz 1,', ',"Marktplatz 1, -Hinterhaus-","Marktplatz 1, -Hinterhaus-",')
      .replace('yes,EUR,120.00', 'yes,EU,120.00');
    const known = new MemoryKnownRecords();
    const first = await importChunks([new TextEncoder().encode(broken)], { fileName: 'shopify.csv' }, known);
    expect(first.quarantined).toBe(1);
    const toFix = rowsToFix(broken, first.headerLine!, first.delimiter!, first.problems);
    expect(toFix).toContain("' -Keller");
    expect(toFix).toContain("' -Hinterhaus-");
    const fixed = toFix.replace('yes,EU,120.00', 'yes,EUR,120.00').replace(/,[^,\r]*$/m, ',');
    const written: { value: unknown }[] = [];
    const second = await importChunks([new TextEncoder().encode(fixed)], { fileName: 'fixed.csv' }, known, (b) => written.push(...b.created));
    expect(second).toMatchObject({ quarantined: 0, created: 1 });
    expect(written[0]!.value).toMatchObject({ shipName: ' -Keller', shipStreet: 'Marktplatz 1, -Hinterhaus-' });
    expect(JSON.stringify(written)).not.toContain("'");
  });

  it('keeps a multi-line quoted record whole as one row, lists each row once with all its reasons, and pads short rows', () => {
    const text = 'a,b,c\n1,"two\nlines",3\n4,5\n';
    const out = rowsToFix(text, 1, ',', [
      { file: 'f', line: 2, code: 'invalid-value', reason: 'bad b', columnName: 'b', column: 2 },
      { file: 'f', line: 2, code: 'invalid-value', reason: 'bad c', columnName: 'c', column: 3 },
      { file: 'f', line: 4, code: 'ragged', reason: '=too few fields' },
    ]);
    expect(out).toBe(`a,b,c,${PROBLEM_COLUMN}\r\n1,"two\nlines",3,b: bad b; c: bad c\r\n4,5,,'=too few fields\r\n`);
  });

  it("neutralises formulas, reduces card numbers and empties security codes, in the file's own delimiter", () => {
    const text = [
      '=Bestellnummer;Datum;Betrag;Kartennummer;CVV;Notiz',
      'W-1;01.05.2026;-12,50;4111 1111 1111 1111;123;"=HYPERLINK(""http://evil.example"";""Rechnung"")"',
      "W-2;01.05.2026;5,00;5555555555554444;987;@SUM(1+1)*cmd|' /C calc'!A0",
      "W-3;01.05.2026;7,00;378282******0005;4321; +cmd|' /C calc'!A0 bezahlt mit 3782 822463 10005",
      'W-4;01.05.2026;8,00;;;"zwei',
      '-2+3 Zeilen"',
    ].join('\r\n');
    const problems = [2, 3, 4, 5].map((line) => ({ file: 'f', line, code: 'invalid-value' as const, reason: 'check this row' }));
    const out = rowsToFix(text, 1, ';', problems);
    expect(cellsOf(out, ';')).toEqual([
      ["'=Bestellnummer", 'Datum', 'Betrag', 'Kartennummer', 'CVV', 'Notiz', PROBLEM_COLUMN],
      ['W-1', '01.05.2026', '-12,50', '41111111******1111', '', `'=HYPERLINK("http://evil.example";"Rechnung")`, 'check this row'],
      ['W-2', '01.05.2026', '5,00', '55555555******4444', '', "'@SUM(1+1)*cmd|' /C calc'!A0", 'check this row'],
      ['W-3', '01.05.2026', '7,00', '378282******0005', '', "' +cmd|' /C calc'!A0 bezahlt mit 378282******0005", 'check this row'],
      ['W-4', '01.05.2026', '8,00', '', '', "zwei\n'-2+3 Zeilen", 'check this row'],
    ]);
    expect(out.split('\r\n')[0]).toBe(`'=Bestellnummer;Datum;Betrag;Kartennummer;CVV;Notiz;${PROBLEM_COLUMN}`);
  });

  it('an unterminated quote is given back as its own line only, guarded like any other', () => {
    const text = "a,b,c\n=cmd|' /C calc'!A0,x,\"open\n1,2,3\n";
    const out = rowsToFix(text, 1, ',', [{ file: 'f', line: 2, code: 'quote', reason: 'unterminated quote' }]);
    expect(cellsOf(out)).toEqual([
      ['a', 'b', 'c', PROBLEM_COLUMN],
      ["'=cmd|' /C calc'!A0", 'x', 'open', 'unterminated quote'],
    ]);
  });

  it.each(TEST_CARDS)('a $network card in any column never goes back out in full ($printed)', ({ plain, printed }) => {
    const text = `Order,Card Number,Card CVC,Note\nW-1,${printed},123,paid with ${printed}\nW-2,${plain},456,"${plain}"\n`;
    const out = rowsToFix(
      text,
      1,
      ',',
      [2, 3].map((line) => ({ file: 'f', line, code: 'invalid-value' as const, reason: 'bad' })),
    );
    expect(cardLikeRuns(out)).toEqual([]);
    expect(
      cellsOf(out)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['', '']);
  });

  it('a card parted by dots, no-break spaces or en dashes never goes back out in full, in a card column or in text', () => {
    const written = ['4111.1111.1111.1111', '4111\u00a01111\u00a01111\u00a01111', '4111\u20131111\u20131111\u20131111', '4111  1111  1111  1111'];
    const text = `Order,Card Number,Note\n${written.map((w, i) => `W-${i + 1},${w},paid with ${w}`).join('\n')}\n`;
    const out = rowsToFix(
      text,
      1,
      ',',
      written.map((_, i) => ({ file: 'f', line: i + 2, code: 'invalid-value' as const, reason: 'bad' })),
    );
    expect(out).not.toMatch(/1111.{0,2}1111.{0,2}1111/);
    expect(out.match(/41111111\*{6}1111/g)).toHaveLength(written.length * 2);
  });

  it('a row set aside for a card number in its customer id comes back with the number reduced and the reason', async () => {
    const text =
      'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Customer ID\n' +
      '#1001,a@example.com,paid,2026-05-01 10:00:00 +0200,EUR,50.00,Shoe,4111111111111111\n' +
      '#1002,b@example.com,paid,2026-05-01 11:00:00 +0200,EUR,5.00,Socks,C-2\n';
    // A Shopify export whose mapping sends Customer ID to the customer id (what the wizard would save).
    const summary = await importChunks(
      [new TextEncoder().encode(text)],
      {
        fileName: 'shop.csv',
        mapping: { externalId: 'Name', createdAt: 'Created at', currency: 'Currency', total: 'Total', email: 'Email', customerId: 'Customer ID' },
      },
      new MemoryKnownRecords(),
    );
    expect(summary.quarantined).toBe(1);
    const out = rowsToFix(text, summary.headerLine!, summary.delimiter!, summary.problems);
    const [, row] = cellsOf(out);
    expect(row!.slice(0, 8)).toEqual(['#1001', 'a@example.com', 'paid', '2026-05-01 10:00:00 +0200', 'EUR', '50.00', 'Shoe', '41111111******1111']);
    expect(row![8]).toMatch(/^Customer ID: column 8 \(Customer ID\) holds a card number/);
    expect(cardLikeRuns(out)).toEqual([]);
  });

  it('a card whose check digit a spreadsheet zeroed comes back reduced in the column the import named', async () => {
    const text =
      'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Customer ID,Note\n' +
      '#1001,a@example.com,paid,2026-05-01 10:00:00 +0200,EUR,50.00,Shoe,4000000000000010,x\n' +
      '#1002,b@example.com,paid,2026-05-01 11:00:00 +0200,EUR,5.00,Socks,5555555555554440,4111111111111110\n' +
      '#1003,c@example.com,paid,2026-05-01 12:00:00 +0200,EUR,oops,Socks,C-3,x\n';
    const summary = await importChunks(
      [new TextEncoder().encode(text)],
      {
        fileName: 'shop.csv',
        mapping: { externalId: 'Name', createdAt: 'Created at', currency: 'Currency', total: 'Total', email: 'Email', customerId: 'Customer ID' },
      },
      new MemoryKnownRecords(),
    );
    expect(summary.quarantined).toBe(3);
    const out = rowsToFix(text, summary.headerLine!, summary.delimiter!, summary.problems);
    const rows = cellsOf(out).slice(1);
    expect(rows.map((r) => r[7])).toEqual(['40000000******0010', '55555555******4444', 'C-3']);
    expect(out).not.toContain('555555555555444');
  });

  it('a card of 19 digits a spreadsheet cut to 15 comes back as its BIN only', async () => {
    const text =
      'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Customer ID,Note\n' +
      '#1001,a@example.com,paid,2026-05-01 10:00:00 +0200,EUR,50.00,Shoe,4000000000000010,x\n' +
      '#1002,b@example.com,paid,2026-05-01 11:00:00 +0200,EUR,5.00,Socks,6212345678901230000,x\n';
    const summary = await importChunks(
      [new TextEncoder().encode(text)],
      {
        fileName: 'shop.csv',
        mapping: { externalId: 'Name', createdAt: 'Created at', currency: 'Currency', total: 'Total', email: 'Email', customerId: 'Customer ID' },
      },
      new MemoryKnownRecords(),
    );
    expect(summary.quarantined).toBe(2);
    const out = rowsToFix(text, summary.headerLine!, summary.delimiter!, summary.problems);
    expect(
      cellsOf(out)
        .slice(1)
        .map((r) => r[7]),
    ).toEqual(['40000000******0010', '62123456******']);
    expect(out).not.toContain('621234567890123');
  });

  it('a zeroed card goes out reduced in any column known to hold cards, and an id ending in 0 elsewhere as it was', async () => {
    // #1001 is stored: its ship-to name (free text) held a whole card, which the import reduced.
    // #1002 is set aside for the whole card in its Customer ID. #1003 is set aside for its total
    // first: the import never named its card cells, which a spreadsheet zeroed.
    const text =
      'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Customer ID,Shipping Name,Note,Reference\n' +
      '#1001,a@example.com,paid,2026-05-01 10:00:00 +0200,EUR,50.00,Shoe,C-1,card 4111 1111 1111 1111,x,R-1\n' +
      '#1002,b@example.com,paid,2026-05-01 11:00:00 +0200,EUR,5.00,Socks,4000000000000010,Bo,4242424242424242,R-2\n' +
      '#1003,c@example.com,paid,2026-05-01 12:00:00 +0200,EUR,oops,Socks,5555555555554440,4111111111111110,4000056655665550,4000056655665550\n' +
      '#1004,d@example.com,paid,2026-05-01 13:00:00 +0200,EUR,oops,Socks,C-4,Di,x,R-4\n';
    const summary = await importChunks(
      [new TextEncoder().encode(text)],
      {
        fileName: 'shop.csv',
        mapping: {
          externalId: 'Name',
          createdAt: 'Created at',
          currency: 'Currency',
          total: 'Total',
          email: 'Email',
          customerId: 'Customer ID',
          shipName: 'Shipping Name',
        },
      },
      new MemoryKnownRecords(),
    );
    expect(summary.quarantined).toBe(3);
    // Customer ID held a whole card (#1002), Shipping Name one the import reduced (#1001).
    expect(summary.cardColumns).toEqual([8, 9]);
    const out = rowsToFix(text, summary.headerLine!, summary.delimiter!, summary.problems, false, summary.cardColumns);
    const rows = cellsOf(out).slice(1);
    // Customer ID and Shipping Name: the import found cards there. Note (not read by the import):
    // it holds a whole card in #1002. Reference holds none: its id stays.
    expect(rows.map((r) => r.slice(7, 11))).toEqual([
      ['40000000******0010', 'Bo', '42424242******4242', 'R-2'],
      ['55555555******4444', '41111111******1111', '40000566******5556', '4000056655665550'],
      ['C-4', 'Di', 'x', 'R-4'],
    ]);
    expect(out).not.toContain('555555555555444');
    expect(out).not.toContain('411111111111111');

    // Without the import's columns, the ship-to name's zeroed card is not known to be one.
    const unwarned = cellsOf(rowsToFix(text, summary.headerLine!, summary.delimiter!, summary.problems)).slice(1);
    expect(unwarned[1]![8]).toBe('4111111111111110');
  });

  it('knows the card columns of an import cut short, and reduces a zeroed card behind a text guard, and empties a CVV', () => {
    const header = 'Name,Email,Financial Status,Created at,Currency,Total,Lineitem name,Customer ID,Shipping Name,CVV';
    const first = '#1001,a@example.com,paid,2026-05-01 10:00:00 +0200,EUR,50.00,Shoe,C-1,card 4111 1111 1111 1111,\n';
    const later = '#1002,b@example.com,paid,2026-05-01 11:00:00 +0200,EUR,oops,Socks,C-2,"=""4242424242424240""",4000056655665550\n';
    const reader = new ExportReader({
      fileName: 'shop.csv',
      mapping: { externalId: 'Name', createdAt: 'Created at', currency: 'Currency', total: 'Total', email: 'Email', shipName: 'Shipping Name' },
    });
    // Past the 64 KiB the reader sniffs before it reads any row.
    const filler = Array.from({ length: 900 }, (_, i) => `#${2000 + i},f${i}@example.com,paid,2026-05-02 10:00:00 +0200,EUR,9.00,Cap,C-${i},Fi ${i},\n`).join(
      '',
    );
    const text = header + '\n' + first + later + filler;
    // What the summary of an import cancelled after its first batch holds: the reader has not ended.
    reader.push(new TextEncoder().encode(text));
    expect(reader.info().cardColumns).toEqual([9]);
    const problems = [{ file: 'shop.csv', line: 3, code: 'invalid-value' as const, reason: 'Total: not an amount' }];
    const [, row] = cellsOf(rowsToFix(text, 1, ',', problems, false, reader.info().cardColumns));
    expect(row!.slice(7, 10)).toEqual(['C-2', '42424242******4242', '']);
  });

  it('every injection payload comes back guarded, and no cell a spreadsheet would run survives', () => {
    const payloads = [
      '=1+1',
      ' =1+1',
      '\n=1+1',
      '\r\n@SUM(A1)',
      '\uFF1D1+1',
      '\uFF0B1',
      '\uFF0D1',
      '\uFF20SUM(1)',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1)',
      '\tx',
    ];
    const text = `a,b\n${payloads.map((p) => `"${p.replace(/"/g, '""')}",x`).join('\n')}\n`;
    // Each record starts on the line after the previous one ends (payloads with a line break span two).
    const lines: number[] = [];
    let line = 2;
    for (const p of payloads) {
      lines.push(line);
      line += 1 + (p.match(/\n/g)?.length ?? 0);
    }
    const out = rowsToFix(
      text,
      1,
      ',',
      lines.map((line) => ({ file: 'f', line, code: 'invalid-value' as const, reason: 'bad' })),
    );
    const cells = cellsOf(out).slice(1);
    // Line breaks come back as LF, as the import reads them.
    expect(cells.map((r) => r[0])).toEqual(payloads.map((p) => `'${p.replace(/\r\n/g, '\n')}`));
    expect(cells.flat().filter(isFormulaLike)).toEqual([]);
  });
});

describe('a lone dash given back guarded', () => {
  it("'- in an optional amount column is no amount, as - is", async () => {
    const header = 'id,Description,Created date (UTC),Amount,Amount Refunded,Currency,Status';
    const run = await dryRun('stripe.csv', `${header}\nch_1,x,2026-05-01 10:00:00,12.50,'-,eur,Paid\nch_2,y,2026-05-01 11:00:00,8.00,-,eur,Paid\n`);
    expect(run).toMatchObject({ rows: 2, created: 2, quarantined: 0 });
  });
});
