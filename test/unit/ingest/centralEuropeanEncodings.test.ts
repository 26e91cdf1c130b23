// Exports from Polish, Czech and Slovak systems: Excel on a Polish Windows saves "CSV" in the ANSI
// code page, Windows-1250, and older shop and ERP systems write ISO-8859-2 (Latin-2). Neither is
// UTF-8, and read as Windows-1252 (the Western code page) their names come out as "£ukasz ¦lêczka"
// without a word: a buyer's name, street and city no longer match the same buyer in a UTF-8 file.
// Public importers decode such files: the Sure finance app's ImportEncodingTest ("successfully
// imports Windows-1250 encoded CSV", its fixture test/fixtures/files/imports/windows1250.csv with
// "spożywczy"), Polish scripts decoding supplier CSVs with iconv "win1250".
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { detectEncoding } from '../../../shared/ingest';
import { decodeWindows1252 } from '../../../shared/ingest/decode';
import { bucketsAddUp, fixtureLines, runImport, values } from './support';

/** Text in a single-byte code page, by inverting a decoder (Node reads "windows-1252" as Latin-1: decode.ts). */
function encode(text: string, encoding: string): Uint8Array {
  const decode = encoding === 'windows-1252' ? decodeWindows1252 : (b: Uint8Array) => new TextDecoder(encoding).decode(b);
  const table = new Map<string, number>();
  for (let b = 0xff; b >= 0x80; b--) table.set(decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : table.get(ch)!)));
}

const HEADER = fixtureLines('shopify-orders.csv')[0]!.split(',');
const row = (cells: Record<string, string>) => HEADER.map((h) => cells[h] ?? '').join(';');
const order = (name: string, shipName: string, street: string, city: string, zip: string) =>
  row({
    Name: name,
    Email: `${name.slice(1)}@example.pl`,
    'Financial Status': 'paid',
    Currency: 'PLN',
    Total: '129,00',
    'Created at': '2026-05-01 10:00:00 +0200',
    'Lineitem name': 'Kurtka',
    'Shipping Name': shipName,
    'Shipping Address1': street,
    'Shipping City': city,
    'Shipping Zip': zip,
    'Shipping Country': 'PL',
  });
const POLISH =
  [
    HEADER.join(';'),
    order('#1001', 'Łukasz Ślęczka', 'ul. Świętokrzyska 12', 'Łódź', '90-001'),
    order('#1002', 'Zofia Wąsowska', 'ul. Źródlana 3', 'Kraków', '30-001'),
    order('#1003', 'Jan Kowalczyk', 'ul. Miła 7', 'Wrocław', '50-001'),
  ].join('\r\n') + '\r\n';

describe('Central European code pages', () => {
  for (const encoding of ['windows-1250', 'iso-8859-2'] as const) {
    it(`a Polish shop export in ${encoding} is read as ${encoding}: names, streets and cities as written`, async () => {
      const run = await runImport(encode(POLISH, encoding), { fileName: 'zamowienia.csv' }, undefined, [4096, 7]);
      const s = run.summary;
      expect(s.encoding).toBe(encoding);
      expect(bucketsAddUp(s)).toBe(true);
      expect(s.created).toBe(3);
      expect(values<Order>(run, 'order').map((o) => [o.shipName, o.shipStreet, o.shipCity])).toEqual([
        ['Łukasz Ślęczka', 'ul. Świętokrzyska 12', 'Łódź'],
        ['Zofia Wąsowska', 'ul. Źródlana 3', 'Kraków'],
        ['Jan Kowalczyk', 'ul. Miła 7', 'Wrocław'],
      ]);
    });
  }

  it('Western European text with quotes, symbols and currency signs stays Windows-1252', () => {
    const western =
      'Name;Note;Betrag\n' +
      'Müller;„Geschenk“ für Jürgen – Größe L;12,50 €\n' +
      'Dupont;«Très» bien, déjà payé, Nike® et Adidas™;£12.50\n' +
      'García;¿Qué tal? Don’t, 1¼ in, 20°C;GBP£9.99\n' +
      'Øresund;Ærø, Åse, naïve façade, Œuvre;1.234,56\n';
    expect(detectEncoding(encode(western, 'windows-1252')).encoding).toBe('windows-1252');
  });
});
