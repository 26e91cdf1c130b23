// Street lines in de/en/fr/it/nl/pl/es to street key, house number and flat; collection points
// detected with their station number and without the customer's Postnummer.
import { describe, expect, it } from 'vitest';
import { normalisePostcode, parseStreetLine, pickupPoint, forwarderMark } from '../../../shared/normalize';

const key = (line: string) => {
  const p = parseStreetLine(line);
  return `${p.street}|${p.number}${p.flat ? `|${p.flat}` : ''}`;
};

describe('parseStreetLine: spelling variants of one address agree', () => {
  it.each([
    [
      'Königstraße 12',
      'Königstr. 12',
      'koenigstrasse 12',
      'KÖNIGSTRASSE 12',
      'Königstr.12, 2. OG',
      ' Koenigstrasse 12 ',
      'Konigstrasse 12',
      'königstr 12',
      'Königstraße 12, Hinterhaus',
      'Königstraße  12',
    ],
    ['Königsstraße 3', 'Königs-Straße 3', 'Königs Str. 3'],
    ['Müllerstraße 5a', 'Mueller Str. 5 a', 'Mullerstr. 5A', 'MÜLLERSTRASSE 5a'],
    ['Hauptstraße 5, 2. OG', 'Hauptstr. 5', 'Hauptstr 5 3. Stock'],
    ['10 Main Street', '10 Main St', 'Main St 10', '10 Main Street, Apt. floor'],
    ['12 rue de la Paix', '12, rue de la Paix', '12 r. de la Paix', '12 Rue de la Paix'],
    ['Via Roma 10', 'V. Roma 10', 'via roma 10'],
    ['Kerkstraat 12', 'Kerkstr. 12'],
    ['Calle Mayor 5', 'C/ Mayor 5', 'c/ mayor 5, 3º B'],
    ['Marktplatz 1', 'Marktpl. 1'],
    ['Avenue Foch 238', 'Av. Foch 238', 'Ave Foch 238'],
    // Polish streets are nearly all ulica: a customer writes it or leaves it out.
    ['ulica Długa 7', 'ul. Długa 7', 'Ul. Dluga 7', 'Długa 7'],
    ['Sankt-Pauli-Straße 5', 'St.-Pauli-Str. 5', 'St. Pauli Str. 5', 'Saint Pauli Straße 5'],
    // Vienna: house number / staircase (Stiege) / door (Tür).
    ['Favoritenstraße 12/3/14', 'Favoritenstr. 12, Stiege 3, Tür 14', 'Favoritenstraße 12 Stiege 3 Tür 14'],
    ['Hauptstraße 5, Tür 7', 'Hauptstr. 5 Tür 7', 'Hauptstraße 5, Tuer 7'],
  ])('%s', (...variants) => {
    const keys = new Set(variants.map(key));
    expect([...keys]).toHaveLength(1);
  });

  it.each([
    ['Königstraße 12', 'Königstraße 14'],
    ['Königstraße 12', 'Kaiserstraße 12'],
    ['Hauptstraße 5a', 'Hauptstraße 5b'],
    ['St. Pauli Str. 3', 'Pauli Str. 3'],
    ['Linzer Straße 21/12', 'Linzer Straße 21/13'],
    ['Favoritenstraße 12/3/14', 'Favoritenstraße 12/3/15'],
    ['Favoritenstraße 12/3/14', 'Favoritenstraße 12/2/14'],
    ['Hauptstraße 5, Tür 7', 'Hauptstraße 5, Tür 9'],
    ['Hauptstraße 5 Tür 7', 'Hauptstraße 5 Tür 9'],
  ])('%s differs from %s', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it.each([
    ['Hauptstraße 5, 2. OG', { number: '5', unit: '2 og', flat: '' }],
    ['Hauptstraße 5 a', { number: '5a', flat: '' }],
    ['Linzer Straße 21/12', { number: '21', flat: '12' }],
    ['ul. Lipowa 15/3', { number: '15', flat: '3' }],
    ['Favoritenstraße 12/3/14', { street: 'favoritenstr', number: '12', flat: '3/14' }],
    ['Hauptstraße 5, Tür 7', { street: 'hauptstr', number: '5', flat: '7' }],
    ['Apt 3, 10 Main Street', { number: '10', flat: '3' }],
    ['Bahnhofstr. 12-14', { number: '12-14' }],
    ['Straße des 17. Juni 5', { number: '5' }],
    ['Am Sportplatz', { number: '' }],
  ])('%s splits number and unit', (line, parts) => {
    expect(parseStreetLine(line)).toMatchObject(parts);
  });
});

describe('collection points', () => {
  it.each([
    ['Packstation 184, 84752319', 'packstation', '184'],
    ['84752319, Packstation 184', 'packstation', '184'],
    ['Packstation 184 - 84752319', 'packstation', '184'],
    ['PACKSTATION 184 84752319', 'packstation', '184'],
    ['Packstation Nr. 184, Postnummer 84752319', 'packstation', '184'],
    ['Postfiliale 512, 12345678', 'postfiliale', '512'],
    ['DHL Paketshop 4411', 'dhlpaketshop', '4411'],
    ['Hermes PaketShop', 'hermespaketshop', ''],
    ['Paczkomat KRA01M', 'paczkomat', 'kra01m'],
    ['InPost Paczkomat WAW22A', 'inpost', 'waw22a'],
    ['Point Relais 012345', 'pointrelais', ''],
    ['Amazon Locker - Hugo', 'amazonlocker', ''],
    // Written without the space, or with one too many; DHL's newer stations.
    ['Packstation184, 1234567', 'packstation', '184'],
    ['Pack Station 184', 'packstation', '184'],
    ['Poststation 123, 12345678', 'poststation', '123'],
  ])('%s is a %s, station %s', (line, kind, station) => {
    expect(pickupPoint(line)).toEqual({ kind, station });
  });

  it.each([
    'Hauptstraße 5',
    'Postweg 3',
    'Stationsplein 1',
    'Filialweg 2',
    'Packstationsweg 4',
    'Commerzbank Filiale Mitte, Hauptstr. 12',
    'REWE Filiale 4711',
  ])('%s is an ordinary address', (line) => {
    expect(pickupPoint(line)).toBeNull();
  });

  it('forwarders are told by the customer number in the name line', () => {
    expect(forwarderMark('Anna Meier KD-48211', 'Industriestraße 9')).toBe(true);
    expect(forwarderMark('Anna Meier', 'Industriestraße 9')).toBe(false);
    expect(forwarderMark('Anna Meier c/o Paketdienst', 'Industriestraße 9')).toBe(true);
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['1234 ab', '1234AB'],
    ['00-950', '00950'],
    [' 10115 ', '10115'],
    ['SW1A 1AA', 'SW1A1AA'],
  ])('%s -> %s', (raw, value) => expect(normalisePostcode(raw)).toBe(value));
});
