// A file that fails before any row is read says so, and the wizard is offered only when mapping
// columns can help: never for an empty file or a spreadsheet, which is to be saved as CSV first.
import { describe, expect, it } from 'vitest';
import { binaryFileKind, notTextMessage, spreadsheetKind } from '../../../shared/ingest/decode';
import { ExportReader } from '../../../shared/ingest/reader';
import { fileFailed, offersMapping } from '../../../shared/ingest/summary';
import { utf8 } from './support';

function read(bytes: Uint8Array) {
  const reader = new ExportReader({ fileName: 'f.csv' });
  reader.push(bytes);
  reader.end();
  const info = reader.info();
  return { errors: info.errors, rows: info.rowsRead, format: info.preset?.id ?? null };
}

const XLSX_HEAD = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(22).fill(0), 19, 0, 0, 0, ...utf8('[Content_Types].xml'), 0, 0, 0]);
const ODS_HEAD = new Uint8Array([
  0x50,
  0x4b,
  0x03,
  0x04,
  ...new Array(22).fill(0),
  8,
  0,
  0,
  0,
  ...utf8('mimetype'),
  ...utf8('application/vnd.oasis.opendocument.spreadsheet'),
]);
const XLS_HEAD = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]);

describe('files that fail before any row', () => {
  it('an empty file failed and offers no mapping', () => {
    const s = read(new Uint8Array(0));
    expect(fileFailed(s)).toBe(true);
    expect(offersMapping(s)).toBe(false);
  });

  it.each([
    ['xlsx', XLSX_HEAD, 'Excel workbook (.xlsx)'],
    ['ods', ODS_HEAD, 'OpenDocument spreadsheet (.ods)'],
    ['xls', XLS_HEAD, 'old Excel workbook (.xls)'],
  ])('a spreadsheet (%s) is told by its bytes, failed, offers no mapping and says to save it as CSV', (_, head, what) => {
    expect(spreadsheetKind(head)).toContain(what);
    expect(binaryFileKind(head)).toContain(what);
    const s = read(head);
    expect(fileFailed(s)).toBe(true);
    expect(offersMapping(s)).toBe(false);
    expect(s.errors[0]!.message).toContain('save it as CSV (UTF-8) and import that');
  });

  it('a PDF is no spreadsheet: it is not told to be saved as CSV', () => {
    const pdf = utf8('%PDF-1.7\n');
    expect(spreadsheetKind(pdf)).toBeNull();
    expect(notTextMessage(binaryFileKind(pdf)!, pdf)).not.toContain('CSV');
  });

  it('a readable CSV of unknown columns failed, yet offers the wizard', () => {
    const s = read(utf8('Foo;Bar;Baz\n1;2;3\n4;5;6\n7;8;9\n10;11;12\n13;14;15\n'));
    expect(s.errors.map((e) => e.code)).toEqual(['unknown-format']);
    expect(fileFailed(s)).toBe(true);
    expect(offersMapping(s)).toBe(true);
  });

  it('a file whose rows were read did not fail', () => {
    expect(fileFailed({ errors: [], rows: 0 })).toBe(false);
    expect(fileFailed({ errors: [{ level: 'error', code: 'line-too-long', message: 'x' }], rows: 12 })).toBe(false);
  });
});
