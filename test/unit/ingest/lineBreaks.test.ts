// A file without line breaks is told apart from one of blank lines, and a huge one is not read on
// looking for a line break: the reader stops at a cap and says how far it looked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportReader, sniff, StreamDecoder, type ReaderOptions } from '../../../shared/ingest';
import { MAX_UNBROKEN_BEFORE_HEADER } from '../../../shared/ingest/reader';
import { zalandoExport } from '../../support/zalandoExport';
import { runImport, utf8 } from './support';

const MiB = 1024 * 1024;
const NO_LINE_BREAKS = 'the file has no line breaks in its first 1 MiB: it is not a CSV or TSV export (or its lines end in a way the app does not read)';

/** `total` bytes of comma-separated text with no line break, as `chunk`-byte views of one buffer. */
function* unbrokenText(total: number, chunk: number): Generator<Uint8Array> {
  const buffer = utf8('Order,Date,Total,Email,'.repeat(Math.ceil(chunk / 23))).subarray(0, chunk);
  for (let sent = 0; sent < total; sent += chunk) yield buffer.subarray(0, Math.min(chunk, total - sent));
}

function read(chunks: Iterable<Uint8Array>, options: Partial<ReaderOptions> = {}) {
  const reader = new ExportReader({ fileName: 'orders.csv', ...options });
  let rows = 0;
  for (const c of chunks) rows += reader.push(c).records.length;
  const last = reader.end();
  return { reader, info: reader.info(), records: rows + last.records.length, problems: last.problems };
}

afterEach(() => vi.restoreAllMocks());

describe('a file with no line breaks', () => {
  it('200 MB streamed in 4 MiB chunks: says it has no line breaks, not that it holds blank lines', () => {
    const { info, records } = read(unbrokenText(200 * MiB, 4 * MiB));
    expect(info.errors).toEqual([{ level: 'error', code: 'no-line-breaks', message: NO_LINE_BREAKS }]);
    expect(info.rowsRead).toBe(0);
    expect(records).toBe(0);
    expect(info.bytesRead).toBe(200 * MiB);
  });

  it('stops decoding and parsing once the cap is passed, whatever follows', () => {
    const decoded = vi.spyOn(StreamDecoder.prototype, 'push');
    const reader = new ExportReader({ fileName: 'orders.csv' });
    const chunks = unbrokenText(200 * MiB, 64 * 1024);
    // Up to the cap nothing is decided: it could still be a long first line.
    for (let sent = 0; sent < MAX_UNBROKEN_BEFORE_HEADER; sent += 64 * 1024) reader.push(chunks.next().value!);
    expect(reader.info().errors).toEqual([]);
    reader.push(chunks.next().value!);
    expect(reader.info().errors.map((e) => e.code)).toEqual(['no-line-breaks']);
    const calls = decoded.mock.calls.length;
    for (const c of chunks) reader.push(c);
    reader.end();
    expect(decoded.mock.calls.length).toBe(calls);
  });

  it('with the header set further down (the wizard), still stops at the cap instead of holding the text', () => {
    const { info } = read(unbrokenText(200 * MiB, 4 * MiB), { headerLine: 3 });
    expect(info.errors.map((e) => e.message)).toEqual([NO_LINE_BREAKS]);
  });

  it('a short file without a line break is a header line, read as such', async () => {
    const header = zalandoExport(0).trimEnd();
    const { summary } = await runImport(header);
    expect(summary.errors).toEqual([]);
    expect(summary.warnings.map((w) => w.code)).toEqual(['no-rows']);
  });

  it('blank lines and then a line that never ends: says that', () => {
    const blank = utf8('\n\n\n');
    const { info } = read([blank, ...unbrokenText(8 * MiB, MiB)]);
    expect(info.errors).toEqual([
      {
        level: 'error',
        code: 'line-too-long',
        message:
          'a line before the header runs on for more than 1 MiB without a line break: it is not a CSV or TSV export (or its lines end in a way the app does not read)',
      },
    ]);
  });

  it('lines ending in CR alone (old Mac exports) are line breaks', async () => {
    const text = zalandoExport(15_000).replace(/\n/g, '\r');
    expect(text.length).toBeGreaterThan(2 * MiB);
    const { summary } = await runImport(text, {}, undefined, [MiB]);
    expect(summary.errors).toEqual([]);
    expect(summary.rows).toBe(15_000);
  });
});

describe('a file of blank lines', () => {
  it('small: still says it holds only blank lines', async () => {
    const { summary } = await runImport('\n\r\n  \n');
    expect(summary.errors.map((e) => e.message)).toEqual(['the file has no header row: it holds only blank lines']);
  });

  it('2 MiB of them, streamed: still says it holds only blank lines', () => {
    const lines = utf8('\n'.repeat(MiB));
    const { info } = read([lines, lines]);
    expect(info.errors.map((e) => e.message)).toEqual(['the file has no header row: it holds only blank lines']);
  });
});

describe("the import wizard's first look", () => {
  it('at the head of a big file with no line break, says so', () => {
    const head = [...unbrokenText(64 * 1024, 64 * 1024)][0]!;
    const result = sniff(head, { wholeFile: false });
    expect(result.errors.map((e) => e.message)).toEqual([
      'the file has no line breaks in its first 64 KiB: it is not a CSV or TSV export (or its lines end in a way the app does not read)',
    ]);
  });

  it('at a head of blank lines, speaks only for the head', () => {
    expect(sniff(utf8('\n'.repeat(64 * 1024)), { wholeFile: false }).errors.map((e) => e.message)).toEqual([
      'the file has no header row in its first 64 KiB: they hold only blank lines',
    ]);
    expect(sniff(utf8('\n\n\n'), { wholeFile: true }).errors.map((e) => e.message)).toEqual(['the file has no header row: it holds only blank lines']);
  });
});
