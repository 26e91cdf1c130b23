// How one address, e-mail or name gets written differently by the same people: "Hauptstraße 5"
// vs "hauptstr.5, 2. OG", gmail dots and +tags, initials. Normalisation should undo all of it.

import { TOWNS, formatPostcode } from './places';
import type { Rng } from './prng';

/** A parcel drop: streets not used by ordinary customers, with umlauts and "straße" to vary. */
export interface DropAddress {
  streetName: string;
  house: string;
  postcode: string;
  city: string;
}

const DROP_STREETS = [
  'Königstraße',
  'Müllerstraße',
  'Gürtelstraße',
  'Jägerstraße',
  'Bülowstraße',
  'Lützowstraße',
  'Röntgenstraße',
  'Mühlenstraße',
  'Grünstraße',
  'Försterstraße',
  'Dürerstraße',
  'Schützenstraße',
];

export function dropAddress(rng: Rng, n: number): DropAddress {
  const towns = TOWNS.DE;
  const townIndex = rng.int(towns.length);
  const town = towns[townIndex] as (typeof towns)[number];
  // Distinct drops get distinct (street, house) pairs: n walks the street list first.
  const streetName = DROP_STREETS[n % DROP_STREETS.length] as string;
  const house = String(1 + Math.floor(n / DROP_STREETS.length) * 7 + rng.int(7));
  return { streetName, house, postcode: formatPostcode('DE', town, rng.int(town.span), 0), city: town.name };
}

const ASCII_UMLAUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const asciiFold = (s: string): string => s.replace(/[äöüÄÖÜß]/g, (ch) => ASCII_UMLAUT[ch] as string);
const stripUmlauts = (s: string): string =>
  s.replace(/[äöüÄÖÜ]/g, (ch) => ({ ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U' })[ch] as string).replace(/ß/g, 'ss');
const abbreviate = (s: string): string => s.replace(/straße$/, 'str.');

export const ADDRESS_VARIANTS = 12;

/** Street line number `k` (0 = canonical) of a drop address. */
export function streetVariant(a: DropAddress, k: number): string {
  const s = a.streetName;
  switch (k % ADDRESS_VARIANTS) {
    case 0:
      return `${s} ${a.house}`;
    case 1:
      return `${abbreviate(s)} ${a.house}`;
    case 2:
      return `${asciiFold(s).toLowerCase()} ${a.house}`;
    case 3:
      return `${abbreviate(s)}${a.house}, 2. OG`;
    case 4:
      return `${s.toUpperCase().replace('ẞ', 'SS')} ${a.house}`;
    case 5:
      return `${s}  ${a.house}`;
    case 6:
      return `${asciiFold(abbreviate(s))} ${a.house}`;
    case 7:
      return ` ${asciiFold(s)} ${a.house} `;
    case 8:
      return `${s} ${a.house}, Hinterhaus`;
    case 9:
      return `${abbreviate(s).replace('.', '')} ${a.house}`;
    case 10:
      return `${stripUmlauts(s)} ${a.house}`;
    default:
      return `${s.toLowerCase()} ${a.house}`;
  }
}

export function cityVariant(city: string, k: number): string {
  switch (k % 4) {
    case 1:
      return city.toUpperCase();
    case 2:
      return asciiFold(city);
    case 3:
      return city.toLowerCase();
    default:
      return city;
  }
}

export const EMAIL_VARIANTS = 9;

/**
 * Variant `k` of a gmail address. All variants normalise (lower case, drop "+tag", drop dots,
 * googlemail -> gmail) to the same mailbox.
 */
export function gmailVariant(email: string, k: number): string {
  const local = email.slice(0, email.indexOf('@'));
  const bare = local.replace(/\./g, '');
  const dotted = (every: number): string => bare.replace(new RegExp(`(.{${every}})(?=.)`, 'g'), '$1.');
  switch (k % EMAIL_VARIANTS) {
    case 0:
      return email;
    case 1:
      return `${bare}+1@gmail.com`;
    case 2:
      return `${dotted(1).slice(0, 7)}${bare.slice(4)}@googlemail.com`;
    case 3:
      return `${local.charAt(0).toUpperCase()}${local.slice(1)}@gmail.com`;
    case 4:
      return `${local}+shop@gmail.com`;
    case 5:
      return `${dotted(3)}@gmail.com`;
    case 6:
      return `${bare}@googlemail.com`;
    case 7:
      return `${local}+zalando@gmail.com`;
    default:
      return `${bare.toUpperCase()}@GMAIL.COM`;
  }
}

/** The same person's name written as full name, initial, lower case or "Last, First". */
export function nameVariant(first: string, last: string, k: number): string {
  switch (k % 5) {
    case 1:
      return `${first.charAt(0)}. ${last}`;
    case 2:
      return `${first} ${last}`.toLowerCase();
    case 3:
      return `${last}, ${first}`;
    case 4:
      return `${first} ${last.toUpperCase()}`;
    default:
      return `${first} ${last}`;
  }
}

/** Normalised gmail mailbox, as a linker is expected to compute it (used by tests). */
export function gmailMailbox(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.indexOf('@');
  const local = lower.slice(0, at).replace(/\+.*$/, '').replace(/\./g, '');
  return `${local}@gmail.com`;
}

export function pickVariantOrder(rng: Rng, count: number, variants: number): number[] {
  const start = rng.int(variants);
  return Array.from({ length: count }, (_, i) => (i < 2 ? i : (start + i) % variants));
}
