// CSV saved by Excel for Mac as "Comma Separated Values" / "CSV (Macintosh)": old Mac line ends
// (CR alone) and the Mac's own code page, Mac Roman. "Creating a new document in Excel and saving as
// 'Comma Separated Values (.csv)' it uses your locale's Windows or Mac codepage. Win-1252 and MacRoman
// respectively" (donatstudios.com, "CSV: An Encoding Nightmare"); "CSVs produced by Excel on Windows
// encode text using Windows-1252, and CSVs produced by Excel on Mac use MacRoman", with the Mac's
// "incorrect line ending" (seeblog.seenet.ca, "CSV Support in Excel for Mac 2016 is a Travesty").
// Read as Windows-1252, Müller becomes MŸller and Straße Stra§e, without a word.
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { detectEncoding } from '../../../shared/ingest';
import { bucketsAddUp, fixtureLines, runImport, values } from './support';

function macRoman(text: string): Uint8Array {
  const decoder = new TextDecoder('macintosh');
  const table = new Map<string, number>();
  for (let b = 0xff; b >= 0x80; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch)!)));
}

const HEADER = fixtureLines('shopify-orders.csv')[0]!.split(',');
const row = (cells: Record<string, string>) => HEADER.map((h) => cells[h] ?? '').join(';');
const order = (name: string, shipName: string, street: string, city: string) =>
  row({
    Name: name,
    Email: `${name.slice(1)}@example.de`,
    'Financial Status': 'paid',
    Currency: 'EUR',
    Total: '59,90',
    'Created at': '2026-05-01 10:00:00 +0200',
    'Lineitem name': 'Wanderschuh',
    'Shipping Name': shipName,
    'Shipping Address1': street,
    'Shipping City': city,
    'Shipping Zip': '80331',
    'Shipping Country': 'DE',
  });

describe('Excel for Mac CSV (CR line ends, Mac Roman)', () => {
  it('umlauts and ß are read as written, not as Windows-1252', async () => {
    const text =
      [
        HEADER.join(';'),
        order('#1001', 'Jürgen Müller', 'Königstraße 12', 'München'),
        order('#1002', 'Änne Öztürk', 'Übersee 3', 'Köln'),
        order('#1003', 'Zoë Dupré', 'Rue de la Gare 1', 'Genève'),
      ].join('\r') + '\r';
    const run = await runImport(macRoman(text), { fileName: 'Bestellungen.csv' });
    expect(run.summary.encoding).toBe('macintosh');
    expect(bucketsAddUp(run.summary)).toBe(true);
    expect(values<Order>(run, 'order').map((o) => [o.shipName, o.shipStreet, o.shipCity])).toEqual([
      ['Jürgen Müller', 'Königstraße 12', 'München'],
      ['Änne Öztürk', 'Übersee 3', 'Köln'],
      ['Zoë Dupré', 'Rue de la Gare 1', 'Genève'],
    ]);
  });

  it('a long Mac file whose first 64 KiB are plain ASCII is read as Mac Roman once its umlauts come', async () => {
    const plain = order('#1001', 'Jan Berg', 'Am Hang 4', 'Hamburg');
    const rows = Array.from({ length: 400 }, (_, i) => plain.replace('#1001', `#${2000 + i}`));
    const text = [HEADER.join(';'), ...rows, order('#1002', 'Jürgen Müller', 'Königstraße 12', 'München')].join('\r') + '\r';
    expect(text.length).toBeGreaterThan(64 * 1024);
    const run = await runImport(macRoman(text), { fileName: 'Bestellungen.csv' }, undefined, [64 * 1024, 4096]);
    expect(run.summary.encoding).toBe('macintosh');
    expect(run.summary.warnings).toEqual([]);
    expect(values<Order>(run, 'order').at(-1)).toMatchObject({ shipName: 'Jürgen Müller', shipStreet: 'Königstraße 12', shipCity: 'München' });
  });

  it('a Windows file (CRLF or LF) that is not UTF-8 stays Windows-1252', () => {
    const text = 'Name;Stadt\r\nJürgen Müller;München\r\nÄnne Öztürk;Köln\r\n';
    const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    expect(detectEncoding(bytes).encoding).toBe('windows-1252');
  });
});
