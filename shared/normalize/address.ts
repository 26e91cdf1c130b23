// A shipping address to comparable parts: street name key, house number, unit, postcode and
// country, so "Königstraße 12", "koenigstr.12, 2. OG" and "KÖNIGSTRASSE 12" give the same key.

import { pickupPoint, type Pickup } from './pickup';
import { canonicalStreetTokens, isStreetType } from './streetTypes';
import { foldText, umlautSkeleton } from './text';

export interface ParsedStreet {
  /** Canonical street name tokens joined without spaces ("koenigs strasse" = "koenigsstrasse"). */
  street: string;
  /** House number with its letter ("5a", "12-14"), '' when none. */
  number: string;
  /** Floor, flat, building part as written (folded). */
  unit: string;
  /**
   * The flat number when the unit names one ("21/12", "Apt 3", "Top 4", "m. 5"): flats in one
   * building are different households, so it joins the full-address key. Floors ("2. OG") and
   * building parts ("Hinterhaus") do not: they are how one household writes its address.
   */
  flat: string;
}

// Tür folds to "tuer". A Viennese Stiege is part of the flat: door numbers start again on each staircase.
const FLAT_RE = /\b(?:apt|apartment|app|appt|flat|top|whg|wohnung|m|lok|lokal|door|tur|tuer|stiege|stg)\s*(\d+[a-z]?)\b/g;

function withFlat(p: Omit<ParsedStreet, 'flat'>): ParsedStreet {
  // Every number that names part of the flat, in order: "12/3/14" (staircase 3, door 14) is flat "3/14".
  return { ...p, flat: Array.from(p.unit.matchAll(FLAT_RE), (m) => m[1]).join('/') };
}

/** A segment that is only a unit ("2. OG", "Apt 3", "Hinterhaus") in de/en/fr/it/nl/pl/es. */
const UNIT_START =
  /^(apt|apartment|app|appt|flat|suite|unit|wohnung|whg|top|stiege|stg|tur|tuer|hinterhaus|vorderhaus|seitenfluegel|gartenhaus|etage|bus|boite|bte|escalera|esc|puerta|interno|scala|lok|lokal|\d+\s*(og|eg|ug|dg|stock|etage|floor|piso|o|p))\b/;

// Folding drops the dash of "12-14"; a placeholder word carries the range through it.
const RANGE = 'zzrange';
const NUMBER_AT_END = /^(.*?[a-z])\s*(\d{1,5}(?:\s?[a-z])?(?:\s?zzrange\s?\d{1,5}[a-z]?)?)$/;
// Leading numbers take only a glued letter ("12b"): in "12 r. de la Paix" the "r" is the street type.
const NUMBER_AT_START = /^(\d{1,5}[a-z]?(?:\s?zzrange\s?\d{1,5})?)(?:\s+(bis|ter))?\s+([a-z].*)$/;

/** A segment that is a house number and nothing else ("12a", "12 a", "12-14"). */
const HOUSE_NUMBER_ONLY = /^\d{1,5}(?:\s?[a-z])?(?:\s?zzrange\s?\d{1,5}[a-z]?)?$/;

const houseNumber = (s: string): string => s.replace(/\s/g, '').replace(RANGE, '-');

function streetKey(name: string): string {
  const tokens = canonicalStreetTokens(name.split(' ').filter(Boolean));
  return tokens.map((t) => (isStreetType(t) ? t : umlautSkeleton(t))).join('');
}

// Customers repeat their street line on every order; parsing is the costly part of linkKeysOf.
const parsed = new Map<string, ParsedStreet>();
const PARSED_CACHE_LIMIT = 100_000;

/** Splits one street line into street, house number and unit (results are shared; do not mutate). */
export function parseStreetLine(line: string): ParsedStreet {
  let p = parsed.get(line);
  if (!p) {
    if (parsed.size >= PARSED_CACHE_LIMIT) parsed.clear();
    p = parseStreetLineUncached(line);
    parsed.set(line, p);
  }
  return p;
}

function parseStreetLineUncached(line: string): ParsedStreet {
  // Commas separate the unit ("Hauptstr. 5, 2. OG"), except "12, rue de la Paix" where the number leads.
  // A slash after the house number introduces the flat (Austrian "21/12", Polish "15/3"), and each
  // further one a part of it (Viennese "12/3/14": staircase 3, door 14).
  // Most lines hold neither a slash nor a dash: the two replaces are skipped for them (every order's address is parsed).
  const flats = line.indexOf('/') < 0 ? line : line.replace(/(?<=\d\s?[a-z]?)\s*\/\s*(?=\w)/gi, ' apt ');
  const ranged = flats.indexOf('-') < 0 && flats.indexOf('–') < 0 ? flats : flats.replace(/(\d)\s*[-–]\s*(\d)/g, `$1 ${RANGE} $2`);
  const segments = ranged
    .split(/[,;]/)
    .map((s) => foldText(s))
    // "c/o Weber, Prager Str. 10": the c/o segment names a person, not the street ("c" is no "calle" here).
    .filter((s) => s && !/^c o\b/.test(s));
  const leadingNumber = segments.length > 1 && /^\d{1,5}[a-z]?$/.test(segments[0] as string);
  const joined = leadingNumber ? [`${segments[0]} ${segments[1]}`, ...segments.slice(2)] : segments;
  // "Hauptstraße, 12a": a file with street and house number in two columns (the mapping joins them
  // with a comma) writes the number after the street as its own segment.
  const numberAfter = joined.findIndex((s, i) => {
    const before = joined[i - 1];
    return before !== undefined && HOUSE_NUMBER_ONLY.test(s) && /[a-z]{2}/.test(before) && !/\d/.test(before) && !UNIT_START.test(before);
  });
  if (numberAfter > 0) joined.splice(numberAfter - 1, 2, `${joined[numberAfter - 1]} ${joined[numberAfter]}`);
  const primaryAt = joined.findIndex((s) => /[a-z]{2}/.test(s) && !UNIT_START.test(s));
  if (primaryAt < 0) return withFlat({ street: '', number: '', unit: joined.join(' ') });
  const units = joined.filter((_, i) => i !== primaryAt);
  let primary = joined[primaryAt] as string;
  // A unit glued to the end of the primary segment ("Königstr. 12 2. OG", "Main St 10 Apt 3").
  const tail = /^(.*?\d{1,5}\s?[a-z]?)\s+(\d+\s*(?:og|eg|stock|etage)\b.*|(?:apt|apartment|flat|whg|wohnung|top|stiege|tuer|hinterhaus|vorderhaus)\b.*)$/.exec(
    primary,
  );
  if (tail) {
    primary = tail[1] as string;
    units.unshift(tail[2] as string);
  }
  const end = NUMBER_AT_END.exec(primary);
  if (end) {
    return withFlat({ street: streetKey(end[1] as string), number: houseNumber(end[2] as string), unit: units.join(' ') });
  }
  const start = NUMBER_AT_START.exec(primary);
  if (start) {
    const number = houseNumber(start[1] as string) + (start[2] ?? '');
    return withFlat({ street: streetKey(start[3] as string), number, unit: units.join(' ') });
  }
  return withFlat({ street: streetKey(primary), number: '', unit: units.join(' ') });
}

/** Postcodes without spaces and dashes, upper case: "1234 ab" = "1234AB", "00-950" = "00950". */
export function normalisePostcode(raw: string): string {
  return raw.replace(/[^0-9a-z]/gi, '').toUpperCase();
}

/** Countries whose postcodes are five digits and may start with 0 (Dresden 01069, Rome 00184). */
const FIVE_DIGIT_POSTCODES = new Set(['DE', 'FR', 'IT', 'ES', 'US', 'FI']);

/**
 * The country prefix some customers still write before a postcode ("D-01067", "A-1010", "CH-8001"):
 * the old international one (a car's country letters) or the ISO code.
 */
const POSTCODE_PREFIXES: Record<string, readonly string[]> = {
  DE: ['D', 'DE'],
  AT: ['A', 'AT'],
  CH: ['CH'],
  FR: ['F', 'FR'],
  IT: ['I', 'IT'],
  BE: ['B', 'BE'],
  LU: ['L', 'LU'],
  NL: ['NL'],
  DK: ['DK'],
  PL: ['PL'],
  CZ: ['CZ'],
  ES: ['E', 'ES'],
  PT: ['P', 'PT'],
  SE: ['S', 'SE'],
  FI: ['FIN', 'FI'],
};

/**
 * normalisePostcode, without a country prefix ("D-01067") and with the leading zero a spreadsheet
 * dropped put back where the country's postcodes have five digits.
 */
export function postcodeIn(raw: string, country: string): string {
  const code = country.trim().toUpperCase();
  let p = normalisePostcode(raw);
  const prefix = /^([A-Z]{1,3})(\d.*)$/.exec(p);
  if (prefix && POSTCODE_PREFIXES[code]?.includes(prefix[1] as string)) p = prefix[2] as string;
  return /^\d{4}$/.test(p) && FIVE_DIGIT_POSTCODES.has(code) ? `0${p}` : p;
}

export interface AddressParts {
  country: string;
  postcode: string;
  street: ParsedStreet;
  /** Set when the street line names a parcel locker, post office or parcel shop. */
  pickup: Pickup | null;
}

const pickups = new Map<string, Pickup | null>();

export function addressParts(street: string, postcode: string, country: string): AddressParts {
  let pickup = pickups.get(street);
  if (pickup === undefined) {
    if (pickups.size >= PARSED_CACHE_LIMIT) pickups.clear();
    pickup = pickupPoint(street);
    pickups.set(street, pickup);
  }
  return { country: country.trim().toUpperCase(), postcode: postcodeIn(postcode, country), street: parseStreetLine(street), pickup };
}
