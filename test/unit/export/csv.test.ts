import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { cellText, csvRecord, isFormulaLike, neutraliseCell, restoreCell, toCsv } from '../../../shared/export/csv';
import { LUHN_VALID_IDS, TEST_CARDS } from '../domain/cardFixtures';

describe('formula-safe CSV cells', () => {
  it.each([
    ['=1+1'],
    ['+49 30 123'],
    ['-2+3'],
    ['-5 EUR'],
    ['+3'],
    ['-1e3'],
    ['@SUM(A1:A9)'],
    ['=HYPERLINK("http://evil.example","click")'],
    ["+cmd|' /C calc'!A0"],
    ["=cmd|' /C calc'!A0"],
    ["-cmd|' /C notepad'!'A1'"],
    ['@cmd|"/c calc"!A0'],
    ['\tx'],
    ['\rx'],
    [' =1+1'],
    ['   @SUM(1)'],
    [' \t =1+1'],
    ['\n=1+1'],
    ['\r\n=1+1'],
    ['\n\n+1'],
    ['\u3000=1+1'],
    ['\uFF1D1+1'],
    ['\uFF0B1+1'],
    ['\uFF0D1+1'],
    ['\uFF20SUM(A1)'],
    [' \uFF1DHYPERLINK("x")'],
  ])('neutralises %j, read whole or split at a tab, and restores it', (bad) => {
    expect(isFormulaLike(bad)).toBe(true);
    const cell = neutraliseCell(bad);
    // One apostrophe in front (a formula-like part after a tab gets its own too).
    expect(cell.startsWith("'")).toBe(true);
    if (!bad.includes('\t')) expect(cell).toBe(`'${bad}`);
    expect(isFormulaLike(cell)).toBe(false);
    expect(cell.split('\t').filter((c) => isFormulaLike(c))).toEqual([]);
    expect(restoreCell(cell)).toBe(bad);
  });

  it.each([
    ['-12.5'],
    ['0'],
    ['-0.5'],
    ['1234567890123'],
    ['-12,50'],
    ['42'],
    ['Anna'],
    [''],
    ['1e3'],
    ['a=b'],
    ['x-1'],
    ['\nline two'],
    [' leading space'],
    // Negative amounts as exports write them, and a lone dash for "no amount": numbers, or nothing, to a spreadsheet.
    ['-1.234,56'],
    ['-1,234.56'],
    ["-1'234.50"],
    ['-12,50 €'],
    ['-5%'],
    ['-'],
  ])('leaves %j as it is (plain numbers stay numbers)', (ok) => {
    expect(isFormulaLike(ok)).toBe(false);
    expect(neutraliseCell(ok)).toBe(ok);
  });

  it('writes JS numbers as numbers, negative ones included, and non-finite ones as guarded text', () => {
    expect([-12.5, 0, -0.5, 1234567890123, -3].map(cellText)).toEqual(['-12.5', '0', '-0.5', '1234567890123', '-3']);
    expect(cellText(-Infinity)).toBe("'-Infinity");
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it.each([['=1+1'], ["'=1+1"], ["''=1+1"], ["'-12.5"], ["'plain"], ['-note starting with a dash'], ['\n=x'], ["'"], ['']])(
    'restoreCell gives back exactly what was neutralised: %j',
    (value) => {
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    },
  );
});

describe('card numbers in exported cells', () => {
  it.each(TEST_CARDS)('a $network card ($printed) never leaves in full, alone or inside text', ({ plain, printed }) => {
    const reduced = `${plain.slice(0, plain.length >= 16 ? 8 : 6)}******${plain.slice(-4)}`;
    expect(cellText(plain)).toBe(reduced);
    expect(cellText(printed)).toBe(reduced);
    expect(cellText(`=HYPERLINK("x","${printed}")`)).toBe(`'=HYPERLINK("x","${reduced}")`);
  });

  it('a card number passed as a JS number is reduced too; other numbers stay numbers', () => {
    expect(cellText(4111111111111111)).toBe('41111111******1111');
    expect(cellText(1767225600000)).toBe('1767225600000'); // epoch ms: 13 digits, no card network
  });

  it.each(LUHN_VALID_IDS)('%s: %s is exported as written', (_what, id) => {
    expect(restoreCell(cellText(id))).toBe(id);
  });

  it('a SHA-256 is written exactly, though a run of its digits passes the card check; anything else given as one is text', () => {
    // A real digest (the decision log's entry hashes are such): 095936793400… reads as a card number.
    const hash = '5d8f6cce532a7aeb57196be62344095936793400b3aeb3580d248b17d5518a86';
    expect(cellText(hash)).not.toBe(hash);
    expect(cellText({ sha256: hash })).toBe(hash);
    expect(cellText({ sha256: '=1+1' })).toBe("'=1+1");
    expect(cellText({ sha256: '4111111111111111' })).toBe('41111111******1111');
    expect(cellText({ sha256: hash.toUpperCase() })).not.toBe(hash.toUpperCase());
  });
});

describe('CSV records', () => {
  it('quotes per RFC 4180: delimiter, quote, CR or LF inside a cell', () => {
    expect(csvRecord(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain'])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere",plain');
    expect(csvRecord(['a;b', 'a,b'], { delimiter: ';' })).toBe('"a;b";a,b');
    expect(csvRecord(['a\tb', 'c'], { delimiter: '\t' })).toBe('"a\tb"\tc');
  });

  it('neutralises before quoting, so the apostrophe sits inside the quotes', () => {
    expect(csvRecord(['\n=1+1', '=SUM(A1,A2)'])).toBe(`"'\n=1+1","'=SUM(A1,A2)"`);
  });

  it('writes the header through the same rules and ends every record with CRLF', () => {
    expect(
      toCsv(
        ['=name', 'amount'],
        [
          ['Anna', -12.5],
          ['-12.5', '-2+3'],
        ],
      ),
    ).toBe("'=name,amount\r\nAnna,-12.5\r\n-12.5,'-2+3\r\n");
  });

  it('round-trips through a CSV parser for any delimiter, quotes and newlines included (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 20 }),
        (delimiter, rows) => {
          const csv = toCsv(['a', 'b'], rows, { delimiter });
          const parsed = Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: false }).data.slice(1, rows.length + 1);
          expect(parsed).toEqual(rows.map((r) => r.map(neutraliseCell)));
          expect(parsed.map((r) => r.map(restoreCell))).toEqual(rows);
        },
      ),
    );
  });

  it('no written cell starts a formula once its guard is accounted for (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '\uFF1D', '\uFF0D')), { maxLength: 6 }),
        (parts) => {
          const value = parts.join('');
          const cell = neutraliseCell(value);
          expect(cell.startsWith("'") || !isFormulaLike(cell)).toBe(true);
        },
      ),
    );
  });
});
