// Encoding detection and streamed decoding: BOMs, UTF-16 without BOM, Windows-1252 fallback
// (also when the first non-ASCII byte comes late), characters split across chunks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding, sniff, StreamDecoder } from '../../../shared/ingest';
import { binaryFileKind, decodeWindows1252, firstUtf8Evidence } from '../../../shared/ingest/decode';
import { LineEndingNormaliser } from '../../../shared/ingest/lineEndings';
import { chunked, fixture, runImport, utf8 } from './support';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

/**
 * Whether a whole multi-byte UTF-8 character comes before the first byte that is not UTF-8 (or the
 * bytes end): told by a strict decoder fed one byte at a time, apart from the decoder under test.
 */
function utf8BeforeAnError(bytes: Uint8Array): boolean {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (let i = 0; i < bytes.length; i++) {
    let text: string;
    try {
      text = strict.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      return false;
    }
    if (/[^\u0000-\u007f]/.test(text)) return true;
  }
  return false;
}

function decodeAll(bytes: Uint8Array, sizes: number[]): { text: string; decoder: StreamDecoder } {
  const decoder = new StreamDecoder(detectEncoding(bytes.subarray(0, 64)));
  let text = '';
  for (const c of chunked(bytes, sizes)) text += decoder.push(c);
  return { text: text + decoder.end(), decoder };
}

const SAMPLE = 'Name;Straße;Betrag\nMüller;Königsallee 1;12,50 €\n';

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]), 'utf-8', true],
    ['UTF-8 without BOM', utf8(SAMPLE), 'utf-8', false],
    ['UTF-16LE with BOM', utf16(SAMPLE, false, true), 'utf-16le', true],
    ['UTF-16BE with BOM', utf16(SAMPLE, true, true), 'utf-16be', true],
    ['UTF-16LE without BOM (NUL pattern)', utf16(SAMPLE, false, false), 'utf-16le', false],
    ['UTF-16BE without BOM (NUL pattern)', utf16(SAMPLE, true, false), 'utf-16be', false],
    ['Windows-1252 (invalid as UTF-8)', cp1252(SAMPLE), 'windows-1252', false],
  ])('%s', (_name, bytes, encoding, bom) => {
    const guess = detectEncoding(bytes);
    expect(guess.encoding).toBe(encoding);
    expect(guess.bom).toBe(bom);
  });

  it('plain ASCII is UTF-8, tentatively', () => {
    expect(detectEncoding(utf8('a,b\n1,2\n'))).toEqual({ encoding: 'utf-8', bom: false, confident: false });
  });

  it('a multi-byte character cut off at the end of the sample does not make it Windows-1252', () => {
    const bytes = utf8('Name\nMüller');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 5)).encoding).toBe('utf-8');
  });
});

describe('StreamDecoder', () => {
  for (const [name, bytes] of [
    ['UTF-8', utf8(SAMPLE)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)])],
    ['UTF-16LE', utf16(SAMPLE, false, true)],
    ['UTF-16BE', utf16(SAMPLE, true, false)],
    ['Windows-1252', cp1252(SAMPLE)],
  ] as const) {
    it(`${name}: the same text whatever the chunking (BOM removed)`, () => {
      for (const sizes of [[1], [2], [3], [5, 1, 2], [1000]]) expect(decodeAll(bytes, sizes).text).toBe(SAMPLE);
    });
  }

  it('a file that is ASCII at first and Windows-1252 later switches, with no replacement characters', () => {
    const head = 'a;b\n'.repeat(20_000);
    const bytes = new Uint8Array([...utf8(head), ...cp1252('Müller;12,50 €\n')]);
    const { text, decoder } = decodeAll(bytes, [65_536]);
    expect(text.endsWith('Müller;12,50 €\n')).toBe(true);
    // The ü of Müller, the first byte that is not UTF-8.
    expect(decoder.report()).toEqual({ encoding: 'windows-1252', switchedAt: 80_001, replaced: 0 });
  });

  it('a UTF-8 file with a stray invalid byte keeps UTF-8 and counts the replacement', () => {
    const decoder = new StreamDecoder({ encoding: 'utf-8', bom: false, confident: true });
    const text = decoder.push(utf8('Müller\n')) + decoder.push(new Uint8Array([0xff])) + decoder.push(utf8('Straße\n')) + decoder.end();
    expect(text).toBe('Müller\n\ufffdStraße\n');
    expect(decoder.report()).toEqual({ encoding: 'utf-8', replaced: 1 });
  });

  it('after real UTF-8 has been seen, a later invalid byte does not switch to Windows-1252', () => {
    const decoder = new StreamDecoder(detectEncoding(utf8('a;b\n')));
    const text = decoder.push(utf8('a;b\n')) + decoder.push(utf8('Müller\n')) + decoder.push(new Uint8Array([0x41, 0xff, 0x0a])) + decoder.end();
    expect(text).toBe('a;b\nMüller\nA\ufffd\n');
    expect(decoder.report()).toEqual({ encoding: 'utf-8', replaced: 1 });
  });

  // Two exports joined (a Shopify file in UTF-8 and rows a spreadsheet saved in Windows-1252): most of
  // the file is UTF-8. Read as a code page, every ü of the UTF-8 rows became ü (or Ăź), silently:
  // names and streets that no longer meet the same customer's other orders.
  it('a UTF-8 file with a few Windows-1252 bytes in its head stays UTF-8 and counts what it replaced', () => {
    const bytes = new Uint8Array([...utf8('Name;Ort\nJörg Müller;München\nÄnne;Köln\n'), ...cp1252('Jürgen;Groß\n')]);
    expect(detectEncoding(bytes)).toEqual({ encoding: 'utf-8', bom: false, confident: true });
    const decoder = new StreamDecoder(detectEncoding(bytes));
    expect(decoder.push(bytes) + decoder.end()).toBe('Name;Ort\nJörg Müller;München\nÄnne;Köln\nJ\ufffdrgen;Gro\ufffd\n');
    expect(decoder.report()).toEqual({ encoding: 'utf-8', replaced: 2 });
  });

  it('a Windows-1252 file whose first letters happen to pair as UTF-8 stays Windows-1252', () => {
    // ß before a closing quote (0xDF 0x94) is a valid two-byte UTF-8 sequence; the rest of the file is not UTF-8.
    const bytes = cp1252('Notiz;Name\nGruß”;Müller\nKöln;Straße\n');
    expect(detectEncoding(bytes).encoding).toBe('windows-1252');
  });

  it('a Windows-1252 byte that ends a push (é = 0xE9 starts a UTF-8 character) is kept, and the file read as Windows-1252', () => {
    const head = utf8('a;b\n'.repeat(100));
    const bytes = new Uint8Array([...head, ...cp1252('Vorname;Müller\n')]);
    const cut = head.length + 'Vorname;M'.length + 1; // just after the ü (0xFC)
    for (const sizes of [[cut], [cut - 1], [head.length + 1], [1], [7, 3]]) {
      const { text, decoder } = decodeAll(bytes, sizes);
      expect(text).toBe('a;b\n'.repeat(100) + 'Vorname;Müller\n');
      expect(decoder.report()).toMatchObject({ encoding: 'windows-1252', replaced: 0 });
    }
    // A file that ends in that byte.
    const last = new Uint8Array([...head, 0x41, 0xe9]);
    expect(decodeAll(last, [head.length + 2]).text).toBe('a;b\n'.repeat(100) + 'Aé');
  });

  it('a tentative reading decides as one of the whole file would, however the pushes are cut (property)', () => {
    // ASCII, whole UTF-8 characters, lone high bytes and cut-off sequences, in any order.
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'ab;,\n1'), maxLength: 6 }).map((t) => utf8(t)),
      fc.constantFrom('ü', 'é', '€', 'ł', '😀', '\ufeff').map((t) => utf8(t)),
      fc.integer({ min: 0x80, max: 0xff }).map((b) => new Uint8Array([b])),
      fc.constantFrom([0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf]).map((b) => new Uint8Array(b)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }), (pieces, sizes) => {
        // A file read tentatively starts without a BOM (detectEncoding is sure of one).
        const bytes = new Uint8Array([0x78, ...pieces.flatMap((p) => [...p])]);
        const decode = (cuts: number[]) => {
          const decoder = new StreamDecoder({ encoding: 'utf-8', bom: false, confident: false });
          let text = '';
          for (const c of chunked(bytes, cuts)) text += decoder.push(c);
          return { text: text + decoder.end(), report: decoder.report() };
        };
        const whole = decode([Math.max(1, bytes.length)]);
        const cut = decode(sizes);
        expect(cut.text).toBe(utf8BeforeAnError(bytes) ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes));
        expect(cut.text).toBe(whole.text);
        expect(cut.report).toEqual(whole.report);
        expect(firstUtf8Evidence(bytes).kind === 'multibyte').toBe(utf8BeforeAnError(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('a U+FFFD the file holds is text, not a replacement: only bytes that are not UTF-8 are counted, however the pushes are cut (property)', () => {
    // Valid text (with U+FFFD, which systems write where they lost a character) and bytes that are never UTF-8.
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', ';', '\n', 'ü', '€', '\ufffd', '😀'), maxLength: 5 }).map((t) => ({ bytes: utf8(t), bad: 0 })),
      fc.constantFrom(0xff, 0xfe, 0xc0).map((b) => ({ bytes: new Uint8Array([b]), bad: 1 })),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (pieces, sizes, confident) => {
          // A tentative reading stays UTF-8 once a character says so: the file starts with one.
          const bytes = new Uint8Array([...utf8('é'), ...pieces.flatMap((p) => [...p.bytes])]);
          const decoder = new StreamDecoder({ encoding: 'utf-8', bom: false, confident });
          let text = '';
          for (const c of chunked(bytes, sizes)) text += decoder.push(c);
          text += decoder.end();
          expect(text).toBe(new TextDecoder('utf-8').decode(bytes));
          expect(decoder.report().replaced).toBe(pieces.reduce((n, p) => n + p.bad, 0));
        },
      ),
      { numRuns: 1000 },
    );
    for (const bigEndian of [false, true]) {
      const bytes = utf16('Name\nM\ufffdller\n\ufffd', bigEndian, true);
      for (const sizes of [[1], [3], [bytes.length]]) {
        const decoder = new StreamDecoder(detectEncoding(bytes));
        let text = '';
        for (const c of chunked(bytes, sizes)) text += decoder.push(c);
        expect(text + decoder.end()).toBe('Name\nM\ufffdller\n\ufffd');
        expect(decoder.report().replaced).toBe(0);
      }
    }
  });

  it('Windows-1252 maps 0x80-0x9F to the characters Excel meant (not Latin-1 controls)', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x84, 0x93, 0x94, 0x96, 0xe4]))).toBe('€„“”–ä');
  });
});

describe('a file joined from two encodings', () => {
  // The app reads a file in 4 MiB pieces and sniffs the first: a mixed file up to that size was read
  // wholly as a code page, and cut into smaller pieces as UTF-8. Now it reads the same either way.
  it('keeps the UTF-8 rows as written and replaces the stray bytes with a warning, however the file is cut', async () => {
    const header =
      'order_number;order_date;customer_email;shipping_address.first_name;shipping_address.last_name;shipping_address.city;currency;order_amount\n';
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `10105${String(i).padStart(5, '0')};01.05.2026 10:00;a${i}@example.de;Jörg;Müller;München;EUR;12,50\n`,
    ).join('');
    const bytes = new Uint8Array([...utf8(header + rows), ...cp1252('1010599999;02.05.2026 10:00;b@example.de;Jürgen;Groß;Köln;EUR;13,50\n')]);
    for (const sizes of [[bytes.length], [16_384]]) {
      const run = await runImport(bytes, {}, undefined, sizes);
      const names = run.written.filter((r) => r.kind === 'order').map((r) => (r.value as { shipName: string; shipCity: string }).shipName);
      expect(run.summary).toMatchObject({ encoding: 'utf-8', rows: 1001, created: 1001 });
      expect(names.slice(0, 2)).toEqual(['Jörg Müller', 'Jörg Müller']);
      expect(names[1000]).toBe('J\ufffdrgen Gro\ufffd');
      expect(run.summary.warnings.map((w) => w.code)).toContain('invalid-utf8');
    }
  });
});

describe('line endings and binary files', () => {
  it('CRLF split across chunks is one line break; lone CR is one too', () => {
    const n = new LineEndingNormaliser();
    expect(n.push('a\r') + n.push('\nb\rc\r') + n.push('') + n.end()).toBe('a\nb\nc\n');
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04], 'Excel workbook (.xlsx)'],
    [[0xd0, 0xcf, 0x11, 0xe0], 'old Excel workbook'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF'],
  ])('recognises %j as not text', (bytes, what) => {
    expect(binaryFileKind(new Uint8Array(bytes))).toContain(what);
  });

  it('a text export with a stray NUL is still text (its row is set aside later)', () => {
    expect(binaryFileKind(utf8('a,b\n1,\u00002\n3,4\n5,6\n7,8\n'))).toBeNull();
  });
});

describe('sniff (the wizard preview)', () => {
  it('reports layout, preview rows with physical lines, ranked formats and mapping suggestions', () => {
    const s = sniff(fixture('zalando-orders-de.csv'), { wholeFile: true });
    expect(s.errors).toEqual([]);
    expect({ encoding: s.encoding, delimiter: s.delimiter, headerLine: s.headerLine }).toEqual({ encoding: 'windows-1252', delimiter: ';', headerLine: 3 });
    expect(s.preview.map((p) => p.line)).toEqual([4, 5, 6]);
    expect(s.preview[0]!.fields[7]).toBe('Jürgen');
    expect(s.formats[0]!.preset.id).toBe('zalando-orders');
    expect(s.formats[0]!.missing).toEqual([]);
    expect(s.suggestions.orders.find((m) => m.field === 'email')?.column).toBe('customer_email');
  });

  it("a title line with nearly as many fields as the header: the header is the row that names a format's marker columns", () => {
    const text =
      'Report;Bestellungen;von 01.05.2026;bis 31.05.2026\nName;Email;Financial Status;Total;Created at;Lineitem name\n#1;a@example.de;paid;1,00;2026-05-01;Mug\n';
    expect(sniff(utf8(text), { wholeFile: true })).toMatchObject({ delimiter: ';', headerLine: 2 });
  });

  it('says when the encoding is not sure yet: a head of plain ASCII from a longer file', () => {
    const ascii = utf8('a;b\n1;2\n'.repeat(100));
    expect(sniff(ascii, { wholeFile: false })).toMatchObject({ encoding: 'utf-8', encodingSure: false, encodingFallback: 'windows-1252' });
    // Excel for Mac ends lines with CR alone: its later umlauts are Mac Roman, and the wizard says so.
    const macAscii = new TextEncoder().encode('a;b\r' + '1;2\r'.repeat(20));
    expect(sniff(macAscii, { wholeFile: false })).toMatchObject({ encodingSure: false, encodingFallback: 'macintosh' });
    expect(sniff(ascii, { wholeFile: true }).encodingSure).toBe(true);
    expect(sniff(ascii, { wholeFile: false, encoding: 'utf-8' }).encodingSure).toBe(true);
    expect(sniff(utf8('a;b\nü;2\n'), { wholeFile: false }).encodingSure).toBe(true);
  });

  it('drops a partial last line when given only the head of a file', () => {
    const s = sniff(utf8('a,b\n1,2\n3,'), { wholeFile: false });
    expect(s.preview.map((p) => p.fields)).toEqual([['1', '2']]);
  });
});
