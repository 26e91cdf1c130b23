// Parcel lockers, post-office counters, parcel shops and forwarders: addresses many unrelated
// customers share. They are marked as hubs, keyed by station and postcode, never by Postnummer.

import { foldText } from './text';

/** Folded phrases naming a collection point, longest first so "dhl paketshop" wins over "paketshop". */
const PICKUP = [
  'packstation',
  'pack station',
  'paketstation',
  // "Packst. 184": the abbreviation shop forms and customers write, the same station.
  'packst',
  // DHL's newer stations, with a counter screen.
  'poststation',
  'postfiliale',
  'postfach',
  'postagentur',
  'dhl paketshop',
  'paketshop',
  'paket shop',
  'hermes paketshop',
  'hermes paket shop',
  'hermes shop',
  'gls paketshop',
  'gls parcelshop',
  'parcelshop',
  'parcel shop',
  'dpd pickup',
  'pickup point',
  'pick up point',
  'pickup station',
  'ups access point',
  'access point',
  'amazon locker',
  'amazon hub',
  'hub locker',
  'paczkomat',
  'inpost',
  'punkt odbioru',
  'point relais',
  'relais colis',
  'mondial relay',
  'pickup',
  'locker',
  'afhaalpunt',
  'postnl punt',
  'punto di ritiro',
  'punto pack',
  'citypaq',
].sort((a, b) => b.length - a.length);
// The number may follow without a space ("Packstation184"): the kind ends where no letter follows.
const PICKUP_RE = new RegExp(`\\b(${PICKUP.join('|')})(?![a-z])`);

const PACKSTATION_SPELLINGS = new Set(['packst', 'paketstation']);

export interface Pickup {
  /** Canonical kind, e.g. `packstation`, `paczkomat`. */
  kind: string;
  /** Station, branch or locker number as printed, '' when none. */
  station: string;
}

/**
 * The collection point a street line names, or null. The station number is the short number
 * after the kind ("Packstation 184", "Packstation Nr. 184"); a 6+ digit number is the
 * customer's Postnummer / locker PIN and is left out on purpose.
 */
export function pickupPoint(street: string): Pickup | null {
  const folded = foldText(street);
  const m = PICKUP_RE.exec(folded);
  if (!m) return null;
  const written = (m[1] as string).replace(/ /g, '');
  // One station however its kind is written: "Packst. 184" and "Paketstation 184" are Packstation 184.
  const kind = PACKSTATION_SPELLINGS.has(written) ? 'packstation' : written;
  // The first station-like token after the kind ("184", "KRA01M"), else anywhere ("84752319, Packstation 184").
  const isStation = (t: string): boolean => /^[a-z]{0,4}\d{1,5}[a-z]{0,2}$/.test(t);
  const after = folded.slice(m.index + (m[1] as string).length).split(' ');
  const station = after.find(isStation) ?? folded.split(' ').find(isStation) ?? '';
  return { kind, station };
}

const DHL_KINDS = new Set(['packstation', 'paketstation', 'poststation', 'postfiliale', 'postagentur', 'dhlpaketshop']);

/**
 * The customer's DHL Postnummer (6 to 10 digits) on an order to a DHL collection point, from the
 * street line or the name line; '' when none or when two different numbers are written.
 */
export function dhlPostnummer(kind: string, street: string, shipName: string): string {
  if (!DHL_KINDS.has(kind)) return '';
  const found = new Set(`${foldText(street)} ${foldText(shipName)}`.split(' ').filter((t) => /^\d{6,10}$/.test(t)));
  return found.size === 1 ? ([...found][0] as string) : '';
}

/** Parcel forwarders need the customer number in the name or address line ("KD-12345", "c/o"). */
export function forwarderMark(shipName: string, street: string): boolean {
  // Cheap test first: without a digit or "c/o" in the name line, and none of the words in the street, no mark.
  if (!/\d|c\s*\/\s*o/i.test(shipName) && !/kd|kunden|cust|postnummer|c\s*\/\s*o/i.test(street)) return false;
  const text = `${foldText(shipName)} | ${foldText(street)}`;
  // "c/o Weber" is how a lodger or partner writes a private address; only "c/o" a parcel service marks a forwarder.
  return (
    /\b(kd|kdnr|kd nr|kunden ?nr|kundennummer|customer no|cust no|postnummer)\s*\d{3,}\b/.test(text) ||
    /\bc o\b.*\b(paket\w*|parcel\w*|forward\w*|shipping|logisti\w*|versand\w*|mailbox\w*|fulfil\w*|cargo|freight)\b/.test(text)
  );
}
