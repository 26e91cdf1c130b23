// Mapping suggestions for German shop exports: `Kunde` is the buyer, not who the parcel goes to; a
// column named for the billing address is never a ship-to field; one named for the delivery
// address wins over a bare one; a header is suggested for one field at most, or for none.
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, fieldsOf } from '../../../shared/ingest/fields';
import { suggestMapping } from '../../../shared/ingest/suggest';

const orders = (headers: string[]) => suggestMapping(headers, 'orders').mapping;
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '');

/** A shop system's order export with one address per order (the customer's, which is also where it ships). */
const ONE_ADDRESS = [
  'Bestellnummer',
  'Bestelldatum',
  'Kundennummer',
  'Kunde',
  'E-Mail',
  'Telefon',
  'Straße',
  'Hausnummer',
  'PLZ',
  'Ort',
  'Land',
  'Betrag',
  'Gesamtbetrag',
  'Währung',
  'Zahlungsart',
  'IP-Adresse',
];

/** An order export with both addresses, named as WooCommerce's German export and ERP exports name them. */
const BOTH_ADDRESSES = [
  'Bestell-Nr.',
  'Bestelldatum',
  'Bestellstatus',
  'Kunden-Nr.',
  'Rechnungsname',
  'Rechnung Straße',
  'Rechnung PLZ',
  'Rechnung Ort',
  'Rechnung Land',
  'Lieferung Name',
  'Lieferung Straße',
  'Lieferung PLZ',
  'Lieferung Ort',
  'Lieferung Land',
  'E-Mail-Adresse',
  'Summe',
  'Währung',
  'Zahlungsart',
];

describe('German order export headers', () => {
  it('one address: each header goes to its field, Kunde to none', () => {
    expect(orders(ONE_ADDRESS)).toEqual({
      externalId: 'Bestellnummer',
      createdAt: 'Bestelldatum',
      customerId: 'Kundennummer',
      email: 'E-Mail',
      phone: 'Telefon',
      // The street, not the house number, when the file has both.
      shipStreet: 'Straße',
      shipPostcode: 'PLZ',
      shipCity: 'Ort',
      shipCountry: 'Land',
      // The grand total, not a bare amount beside it.
      total: 'Gesamtbetrag',
      currency: 'Währung',
      paymentMethod: 'Zahlungsart',
      ip: 'IP-Adresse',
    });
  });

  it('both addresses: the delivery address is the ship-to one, the billing address gives only its country', () => {
    expect(orders(BOTH_ADDRESSES)).toEqual({
      externalId: 'Bestell-Nr.',
      createdAt: 'Bestelldatum',
      status: 'Bestellstatus',
      customerId: 'Kunden-Nr.',
      shipName: 'Lieferung Name',
      shipStreet: 'Lieferung Straße',
      shipPostcode: 'Lieferung PLZ',
      shipCity: 'Lieferung Ort',
      shipCountry: 'Lieferung Land',
      billCountry: 'Rechnung Land',
      email: 'E-Mail-Adresse',
      total: 'Summe',
      currency: 'Währung',
      paymentMethod: 'Zahlungsart',
    });
  });

  it('a column named for the delivery address wins over the bare one, which is the customer’s', () => {
    const m = orders([
      'Auftragsnummer',
      'Auftragsdatum',
      'Name',
      'Straße',
      'PLZ',
      'Ort',
      'Land',
      'Lieferadresse Name',
      'Lieferadresse Straße',
      'Lieferadresse PLZ',
      'Lieferadresse Ort',
      'Lieferadresse Land',
      'Gesamtsumme',
    ]);
    expect(m).toMatchObject({
      externalId: 'Auftragsnummer',
      createdAt: 'Auftragsdatum',
      shipName: 'Lieferadresse Name',
      shipStreet: 'Lieferadresse Straße',
      shipPostcode: 'Lieferadresse PLZ',
      shipCity: 'Lieferadresse Ort',
      shipCountry: 'Lieferadresse Land',
      total: 'Gesamtsumme',
    });
  });

  it('the recipient is the ship-to name, before a bare Name', () => {
    expect(orders(['Bestellnummer', 'Datum', 'Name', 'Empfänger', 'Betrag']).shipName).toBe('Empfänger');
    expect(orders(['Bestellnummer', 'Datum', 'Lieferung Name', 'Betrag']).shipName).toBe('Lieferung Name');
  });

  it('Kunde, the buyer or the billing name is never the ship-to name, even as the only name in the file', () => {
    for (const name of ['Kunde', 'Kunde Name', 'Kundenname', 'Rechnungsname', 'Rechnungsadresse Name', 'Rechnung Vorname', 'Käufer']) {
      const { mapping } = suggestMapping(['Bestellnummer', 'Bestelldatum', name, 'Gesamtbetrag'], 'orders');
      expect(Object.values(mapping), name).not.toContain(name);
    }
  });

  it('a billing street, postcode, city or country is never the ship-to one', () => {
    const m = orders(['Bestellnummer', 'Bestelldatum', 'Rechnungsadresse Straße', 'Rechnungs-PLZ', 'Rechnungsort', 'Rechnungsadresse Land', 'Betrag']);
    expect(m).toEqual({ externalId: 'Bestellnummer', createdAt: 'Bestelldatum', billCountry: 'Rechnungsadresse Land', total: 'Betrag' });
  });

  it('a delivery country is never the billing country', () => {
    expect(orders(['Bestellnummer', 'Bestelldatum', 'Lieferland', 'Betrag']).billCountry).toBeUndefined();
  });
});

describe('no header is suggested for two fields', () => {
  it('within a record kind no usual name belongs to two fields', () => {
    for (const kind of RECORD_KINDS) {
      const owner = new Map<string, string>();
      for (const spec of fieldsOf(kind)) {
        for (const syn of spec.synonyms) {
          const key = fold(syn);
          expect(owner.get(key) ?? spec.field, `${kind}: "${syn}" names ${owner.get(key)} and ${spec.field}`).toBe(spec.field);
          owner.set(key, spec.field);
        }
      }
    }
  });

  it('each suggestion has its own column and its own field', () => {
    for (const headers of [ONE_ADDRESS, BOTH_ADDRESSES]) {
      for (const kind of RECORD_KINDS) {
        const { suggestions } = suggestMapping(headers, kind);
        expect(new Set(suggestions.map((s) => s.column)).size).toBe(suggestions.length);
        expect(new Set(suggestions.map((s) => s.field)).size).toBe(suggestions.length);
      }
    }
  });
});

describe('the same rules in English', () => {
  it('Shipping Name is the ship-to name, not a bare Name; a Billing street is never the ship-to one', () => {
    const m = orders(['Name', 'Created at', 'Total', 'Billing Name', 'Billing Street', 'Billing Zip', 'Shipping Name', 'Shipping Zip', 'Shipping Country']);
    expect(m).toMatchObject({ shipName: 'Shipping Name', shipPostcode: 'Shipping Zip', shipCountry: 'Shipping Country' });
    expect(m.shipStreet).toBeUndefined();
    expect(Object.values(m)).not.toContain('Billing Name');
  });
});
