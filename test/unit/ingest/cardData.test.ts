// Personal data at the door: full card numbers never leave the import (only BIN + last 4), card
// security codes are never read, and nothing card-like survives in records, problems or messages.
import { describe, expect, it } from 'vitest';
import {
  cardNumberDigits,
  cardSummaryOf,
  isSecurityCodeColumn,
  luhnValid,
  maskCardNumbers,
  parseFormatPreset,
  suggestMapping,
  type FormatPreset,
} from '../../../shared/ingest';
import { binOf } from '../../../shared/ingest/cardData';
import { FIXTURES, fixture, runImport, utf8 } from './support';
import { readdirSync } from 'node:fs';

/**
 * Every run of 13-19 digits (single spaces or dashes between digits allowed) that passes Luhn: what
 * a card-number scanner flags (the same rule as shared/demo/pan-guard).
 */
function cardLikeRuns(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\d(?:[ -]?\d)*/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) found.push(m[0]);
  }
  return found;
}

/**
 * All text the import produced (records, problems, messages). Numbers are left out: epoch-ms
 * timestamps are 13-digit numbers and pass Luhn one time in ten; a card number would be text.
 */
function textOf(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? 0 : v));
}

describe('card numbers', () => {
  it('recognises card numbers as printed, not ids or phone numbers that happen to pass Luhn', () => {
    expect(cardNumberDigits('4111111111111111')).toBe('4111111111111111');
    expect(cardNumberDigits('4111 1111 1111 1111')).toBe('4111111111111111');
    expect(cardNumberDigits('5555-5555-5555-4444')).toBe('5555555555554444');
    expect(cardNumberDigits('3782 822463 10005')).toBe('378282246310005');
    expect(cardNumberDigits('4111111111111112')).toBeNull(); // Luhn fails
    expect(cardNumberDigits('411-1111111-111111')).toBeNull(); // grouped like an Amazon order number
    expect(cardNumberDigits('4111 1111 1111 1111 9999 9')).toBeNull(); // too many digits
    expect(cardNumberDigits('card 4111111111111111')).toBeNull(); // not the whole value
  });

  it('keeps 8 BIN digits for 16+ digit numbers and 6 for shorter ones', () => {
    expect(binOf('4111111111111111')).toBe('41111111');
    expect(binOf('378282246310005')).toBe('378282');
    expect(cardSummaryOf('411111******1111')).toEqual({ bin: '411111', last4: '1111' });
    expect(cardSummaryOf('4111 11XX XXXX 1111')).toEqual({ bin: '411111', last4: '1111' });
    expect(cardSummaryOf('************4444')).toEqual({ bin: '', last4: '4444' });
    expect(cardSummaryOf('n/a')).toBeNull();
  });

  it('masks card numbers inside free text, however they are spaced', () => {
    expect(maskCardNumbers('paid with 4012 8888 8888 1881 yesterday')).toEqual({ text: 'paid with 40128888******1881 yesterday', masked: 1 });
    expect(maskCardNumbers('ref 00004111111111111111 ok').masked).toBe(1);
    expect(maskCardNumbers('ref 00004111111111111111 ok').text).not.toContain('4111111111111111');
    expect(maskCardNumbers('Hauptstraße 5, 10115 Berlin')).toEqual({ text: 'Hauptstraße 5, 10115 Berlin', masked: 0 });
  });

  it('security-code columns by name; check results are not codes', () => {
    expect(['cvv', 'cvc', 'cvv2', 'card cvc', 'card security code', 'kartenprüfnummer', 'security code'].every(isSecurityCodeColumn)).toBe(true);
    expect(['card cvc status', 'cvc2 response', 'cvc check', 'card avs zip status', 'service'].some(isSecurityCodeColumn)).toBe(false);
  });

  it('security codes under the names processors and shops give them (CV2, CVN, card verification value)', () => {
    const codes = [
      'cv2',
      'cvn',
      'cvn2',
      'cvd',
      'cid',
      'cvv2/cvc2',
      'card_cvv',
      'card verification value',
      'card verification code',
      'kartenprüfnummer',
      'prüfziffer',
      'cryptogramme visuel',
      'código de seguridad',
      'card code',
    ];
    expect(codes.filter((k) => !isSecurityCodeColumn(k))).toEqual([]);
    // u + combining diaeresis, as a header typed on a Mac can spell it
    expect(isSecurityCodeColumn('kartenpru\u0308fnummer')).toBe(true);
    const notCodes = [
      'cvn result',
      'cvv2 match',
      'card verification status',
      'cv2 avs result',
      'card code type',
      'service',
      'invoice',
      'provider',
      'card brand',
    ];
    expect(notCodes.filter(isSecurityCodeColumn)).toEqual([]);
  });
});

/** What the wizard saves for a file no preset knows: suggested mapping, validated on the way in. */
function webshopPreset(headers: string[]): FormatPreset {
  const { mapping } = suggestMapping(headers, 'orders');
  const saved = JSON.parse(
    JSON.stringify({
      id: 'custom:webshop',
      label: 'Webshop export',
      kind: 'orders',
      markerColumns: ['Order Number', 'Order Date'],
      mapping,
      options: { source: 'webshop', marketplace: 'shop', timeZone: 'Europe/Berlin', defaultCurrency: 'EUR' },
    }),
  );
  const parsed = parseFormatPreset(saved);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.preset;
}

describe('card facts a spreadsheet rewrote', () => {
  const preset: FormatPreset = {
    id: 'custom:psp',
    label: 'PSP',
    kind: 'payments',
    markerColumns: ['Txn'],
    mapping: {
      id: 'Txn',
      createdAt: 'Date',
      amount: 'Amount',
      currency: 'Currency',
      cardLast4: 'Last4',
      cardExpiry: 'Expiry',
      cardExpMonth: 'Exp Month',
      cardExpYear: 'Exp Year',
    },
    options: { source: 'psp', timeZone: 'UTC' },
  };
  const H = 'Txn,Date,Amount,Currency,Last4,Expiry,Exp Month,Exp Year\n';
  const card = (run: Awaited<ReturnType<typeof runImport>>) =>
    run.written.map((r) => r.value as { cardLast4: string; cardExpiry: string }).map((p) => [p.cardLast4, p.cardExpiry]);

  it('last 4 digits that lost their leading zeros are read with them put back, and the file says so', async () => {
    const run = await runImport(H + 'P1,2026-05-01,1.00,EUR,42,12/27,,\nP2,2026-05-01,1.00,EUR,7,12/27,,\nP3,2026-05-01,1.00,EUR,0042,12/27,,\n', { preset });
    expect(card(run)).toEqual([
      ['0042', '12/27'],
      ['0007', '12/27'],
      ['0042', '12/27'],
    ]);
    expect(run.summary.warnings.map((w) => [w.code, w.message, w.line, w.count])).toEqual([
      [
        'card-last4-padded',
        'column 5 (Last4) has last-4 values with fewer than 4 digits, as a spreadsheet writes 0042 as 42; they were read with leading zeros',
        2,
        2,
      ],
    ]);
  });

  it('a BIN of fewer than 6 digits is no BIN and one longer than 8 keeps its first 8, and the file says so', async () => {
    const withBin: FormatPreset = { ...preset, markerColumns: ['Txn', 'BIN'], mapping: { ...preset.mapping, cardBin: 'BIN' } };
    const text =
      'Txn,Date,Amount,Currency,BIN,Last4\nP1,2026-05-01,1.00,EUR,424242,4242\nP2,2026-05-01,1.00,EUR,4242,4242\nP3,2026-05-01,1.00,EUR,4242424242,4242\nP4,2026-05-01,1.00,EUR,42424242,4242\n';
    // A whole card number in the column: the card screen masks it and says so; its BIN (8 digits of a 16-digit number) is kept.
    const full = await runImport(
      'Txn,Date,Amount,Currency,BIN,Last4\nP5,2026-05-01,1.00,EUR,4000056655665556,5556\nP6,2026-05-01,1.00,EUR,378282246310005,0005\nP7,2026-05-01,1.00,EUR,4000 **** **** 5556,5556\n',
      {
        preset: withBin,
      },
    );
    // An Amex number keeps a 6-digit BIN: not 37828200, its BIN and last 4 run together.
    // Masked to its first 4 and last 4, it shows no BIN: not 40005556, the two run together.
    expect(full.written.map((r) => (r.value as { cardBin: string }).cardBin)).toEqual(['40000566', '378282', '']);
    expect(full.summary.warnings.map((w) => w.code).sort()).toEqual(['masked-card-bin', 'masked-card-number']);
    const run = await runImport(text, { preset: withBin });
    expect(run.summary).toMatchObject({ rows: 4, created: 4 });
    expect(run.written.map((r) => (r.value as { cardBin: string }).cardBin)).toEqual(['424242', '', '42424242', '42424242']);
    expect(run.summary.warnings.map((w) => [w.code, w.message, w.line])).toEqual([
      ['short-card-bin', 'column 5 (BIN) has values with fewer than 6 digits, which is no BIN (the first 6 or 8 digits of a card); they were left empty', 3],
      ['long-card-bin', 'column 5 (BIN) has BIN values longer than 8 digits; their first 8 digits were kept', 4],
    ]);
  });

  it('an expiry rewritten as a date is read when month and year are certain, and left empty with a warning when not', async () => {
    const text =
      H +
      'P1,2026-05-01,1.00,EUR,4242,12/1/2027,,\nP2,2026-05-01,1.00,EUR,4242,2027-12-01,,\nP3,2026-05-01,1.00,EUR,4242,Dec-27,,\nP4,2026-05-01,1.00,EUR,4242,12/2027,,\n' +
      'P5,2026-05-01,1.00,EUR,4242,5/6/2027,,\nP6,2026-05-01,1.00,EUR,**42,,13,2027\nP7,2026-05-01,1.00,EUR,4242,,5,\n';
    const run = await runImport(text, { preset });
    expect(run.summary).toMatchObject({ rows: 7, created: 7 });
    expect(card(run)).toEqual([
      ['4242', '12/27'],
      ['4242', '12/27'],
      ['4242', '12/27'],
      ['4242', '12/27'],
      ['4242', ''],
      ['', ''],
      ['4242', ''],
    ]);
    expect(run.summary.warnings.map((w) => [w.code, w.message, w.line])).toEqual([
      [
        'invalid-card-expiry',
        'column 6 (Expiry) has values that are not a card expiry with a certain month and year (e.g. 12/27, 12/2027, 2027-12); they were left empty',
        6,
      ],
      ['invalid-card-last4', 'column 5 (Last4) has values that are not the last 4 digits of a card; they were left empty', 7],
      [
        'invalid-card-expiry',
        'column 7 (Exp Month) and column 8 (Exp Year) have values that do not give a card expiry (a month 1-12 and a year like 2027 or 27); they were left empty',
        7,
      ],
    ]);
  });
});

describe('importing a file with card numbers and security codes', () => {
  const headers = 'Order Number,Order Date,Total,Currency,Email,Card Number,CVV,Card Expiry,Shipping Name,Street,Notes'.split(',');

  it('keeps only BIN + last 4, drops the CVV column, reduces numbers in free text, and says which column and how many cells', async () => {
    const preset = webshopPreset(headers);
    expect(preset.mapping).toMatchObject({ cardNumber: 'Card Number', shipStreet: 'Street', cardExpiry: 'Card Expiry' });
    const run = await runImport(fixture('orders-with-card-numbers.csv'), { preset, presets: [preset] });
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.created).toBe(3);
    expect(run.written.map((r) => r.value)).toEqual([
      expect.objectContaining({ externalId: 'W-1001', cardBin: '41111111', cardLast4: '1111', cardExpiry: '04/28' }),
      expect.objectContaining({
        externalId: 'W-1002',
        cardBin: '55555555',
        cardLast4: '4444',
        cardExpiry: '11/27',
        shipStreet: 'Am Hang 4 (card 40128888******1881 on file)',
      }),
      expect.objectContaining({ externalId: 'W-1003', cardBin: '378282', cardLast4: '0005', cardExpiry: '01/30' }),
    ]);
    expect(run.summary.warnings.map((w) => [w.code, w.message])).toEqual([
      ['security-code-column', 'column 7 (CVV) holds card security codes; it was not read'],
      ['card-number-column', 'column 6 (Card Number) held full card numbers in 3 cells; only BIN and last 4 were kept'],
      ['masked-card-number', 'column 10 (Street) held card numbers in 1 cell of text; they were reduced to BIN and last 4'],
    ]);
    const everything = textOf({ summary: run.summary, written: run.written });
    expect(cardLikeRuns(everything)).toEqual([]);
    expect(everything).not.toMatch(/"(123|987|4321)"/);
  });

  it('a security-code column mapped to a field is not read, whatever its name', async () => {
    for (const column of ['CV2', 'CVN', 'Card Verification Value']) {
      const preset = webshopPreset(['Order Number', 'Order Date', 'Total', 'Currency']);
      const mapped = { ...preset, mapping: { ...preset.mapping, cardBrand: column } };
      const run = await runImport(utf8(`Order Number,Order Date,Total,Currency,${column}\nW-1,2026-05-01 10:00,1.00,EUR,737\n`), {
        preset: mapped,
        presets: [mapped],
      });
      expect(run.summary.created, column).toBe(1);
      expect(textOf(run.written), column).not.toContain('737');
      expect(
        run.summary.warnings.map((w) => w.message),
        column,
      ).toEqual([`column 5 (${column}) holds card security codes; it was not read`]);
    }
  });

  it('card numbers in a link-key column (Email) set their rows aside instead of being read as card data', async () => {
    const preset = webshopPreset(headers);
    const text =
      'Order Number,Order Date,Total,Currency,Email,Card Number,CVV,Card Expiry,Shipping Name,Street,Notes\n' +
      'W-1,2026-05-01 10:00,1.00,EUR,4111111111111111,,,,,,\nW-2,2026-05-01 10:00,1.00,EUR,5555555555554444,,,,,,\nW-3,2026-05-01 10:00,1.00,EUR,w3@example.com,,,,,,\n';
    const run = await runImport(utf8(text), { preset, presets: [preset] });
    expect(run.summary).toMatchObject({ rows: 3, created: 1, quarantined: 2 });
    expect(run.summary.problems.map((p) => [p.line, p.code, p.column, p.columnName])).toEqual([
      [2, 'card-number', 5, 'Email'],
      [3, 'card-number', 5, 'Email'],
    ]);
    expect(run.summary.warnings.map((w) => w.code)).not.toContain('card-number-column');
    expect(cardLikeRuns(textOf(run))).toEqual([]);
  });

  it('a kind without card fields does not read the column at all', async () => {
    const text = new TextDecoder()
      .decode(fixture('adyen-dispute-report.csv'))
      .replace(/411111\*{6}1111/g, '4111111111111111')
      .replace(/555555\*{6}4444/g, '5555555555554444');
    const run = await runImport(utf8(text));
    expect(run.summary.warnings.map((w) => w.message)).toEqual(['column 28 (Shopper PAN) held full card numbers in 5 cells; the column was not read']);
    expect(cardLikeRuns(textOf(run))).toEqual([]);
  });

  it('no fixture export leaks anything card-like into what the import produces', async () => {
    for (const file of readdirSync(FIXTURES)) {
      const run = await runImport(fixture(file));
      expect(cardLikeRuns(textOf({ summary: run.summary, written: run.written })), file).toEqual([]);
    }
  });
});
