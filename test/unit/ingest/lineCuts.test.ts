// After the first 64 KiB the reader decodes each chunk up to its last line break and keeps the rest
// of its bytes for the next chunk (ExportReader.decodeAndFeed), in UTF-8 it is sure of and in
// Windows-1252. Read in pieces of any size, a file must give what it gives read at once (which the
// reader decodes in one piece, never cut).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatPreset } from '../../../shared/ingest';
import { runImport } from './support';

const ORDERS: FormatPreset = {
  id: 'cut-orders',
  label: 'Generated orders',
  kind: 'orders',
  markerColumns: ['Order', 'Date', 'Total'],
  mapping: { externalId: 'Order', createdAt: 'Date', total: 'Total', currency: 'Currency', email: 'Note', shipName: 'Name' },
  options: { source: 'cut', marketplace: 'shop', grouping: 'none', decimalMark: '.' },
};

// Names in Polish and German (two-byte text), notes with quotes, commas and line breaks inside.
const NAMES = ['Łukasz Wójcik', 'Jürgen Groß', 'Anna Nowak', 'Zoë', 'Ewa Żak', 'Émile'];
const NOTES = ['', 'x', 'two\nlines', 'a, b', 'say "hi"', 'ok\r\nthen', 'três'];
const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const fileArb = fc
  .record({
    rows: fc.integer({ min: 2500, max: 4000 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    ending: fc.constantFrom('\n', '\r\n', '\r'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
  })
  .map(({ rows, seed, ending, encoding }) => {
    let text = 'Order,Date,Total,Currency,Name,Note' + ending;
    for (let i = 0; i < rows; i++) {
      const k = (seed + i * 7919) % 1009;
      text += `A${i},2026-05-01 10:${String(k % 60).padStart(2, '0')},${k}.00,EUR,${NAMES[k % NAMES.length]},${quote(NOTES[k % NOTES.length]!)}${ending}`;
    }
    const bytes =
      encoding === 'windows-1252'
        ? Uint8Array.from(text.replace(/[ŁłŻżó]/g, 'o'), (c) => c.charCodeAt(0))
        : new TextEncoder().encode((encoding === 'utf-8-bom' ? '\ufeff' : '') + text);
    return { bytes, rows, encoding };
  });

describe('chunks decoded up to their last line break', () => {
  it('reading a file in pieces of any size gives what reading it at once gives', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 5 }), async (file, sizes) => {
        expect(file.bytes.length).toBeGreaterThan(64 * 1024);
        const options = { preset: ORDERS, ...(file.encoding === 'windows-1252' ? { encoding: 'windows-1252' as const } : {}) };
        const whole = await runImport(file.bytes, options, undefined, [file.bytes.length]);
        const pieces = await runImport(file.bytes, options, undefined, sizes);
        expect(whole.summary.errors).toEqual([]);
        expect(whole.summary.created).toBe(file.rows);
        expect(pieces.summary).toEqual(whole.summary);
        expect(pieces.written).toEqual(whole.written);
      }),
      { numRuns: 25 },
    );
  });
});
