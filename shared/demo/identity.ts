// Who a customer is: name, e-mail, postal address and phone, derived from a customer number.
// Every customer number maps through keyed bijections into name/e-mail/address/phone spaces, so
// two different customers never share an e-mail, an address or a phone by accident; only the
// planted rings and hubs share them on purpose.

import { COUNTRIES, NAMES, mailName, surnameFor, type Country } from './names';
import { FLATS, HOUSE_NUMBERS, HOUSE_SUFFIX, STREETS, TOWNS, formatPostcode, formatStreetLine } from './places';
import { Permutation, hash3, unit3 } from './prng';
import { emailSuffix } from './email-suffixes';
import { phoneFor, subscriberPermutation, type Phone } from './phones';
import { STREAM } from './streams';

export interface Person {
  /** Customer number (ordinary customers first, then planted personas). */
  index: number;
  /** Position in the identity space; the root of every derived value. */
  key: number;
  /** Position among identities of the same country (addresses, IPs). */
  localKey: number;
  country: Country;
  first: string;
  last: string;
  female: boolean;
  street: string;
  postcode: string;
  city: string;
  /** Decoded name-space coordinates, kept for the e-mail address (computed on demand). */
  firstIndex: number;
  style: number;
  level: number;
}

/** (domain class, pattern) combinations per name; see `emailFor`. */
const STYLES = 12;
const SUFFIX_SPREAD = 16;

const DOMAINS: Record<Country, readonly (readonly [string, number])[]> = {
  DE: [
    ['gmx.de', 40],
    ['web.de', 40],
    ['t-online.de', 20],
  ],
  AT: [
    ['gmx.at', 45],
    ['aon.at', 30],
    ['chello.at', 25],
  ],
  NL: [
    ['ziggo.nl', 35],
    ['kpnmail.nl', 30],
    ['hotmail.nl', 20],
    ['live.nl', 15],
  ],
  PL: [
    ['wp.pl', 35],
    ['onet.pl', 30],
    ['o2.pl', 20],
    ['interia.pl', 15],
  ],
  FR: [
    ['orange.fr', 35],
    ['free.fr', 30],
    ['sfr.fr', 20],
    ['laposte.net', 15],
  ],
};
const GMAIL: readonly (readonly [string, number])[] = [
  ['gmail.com', 88],
  ['googlemail.com', 12],
];
const INTERNATIONAL: readonly (readonly [string, number])[] = [
  ['outlook.com', 35],
  ['icloud.com', 30],
  ['yahoo.com', 15],
  ['hotmail.com', 10],
  ['yahoo.de', 10],
];

function pickWeighted(table: readonly (readonly [string, number])[], u: number): string {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = u * total;
  for (const [name, w] of table) {
    r -= w;
    if (r < 0) return name;
  }
  return (table[table.length - 1] as readonly [string, number])[0];
}

interface CountrySpace {
  country: Country;
  firsts: readonly string[];
  femaleCount: number;
  lasts: readonly string[];
  pairs: number;
  /** Offset of this country in the global name-pair space. */
  offset: number;
  /** Rank of each given name among those with the same initial, and the largest such group. */
  initialRank: number[];
  initialGroup: number;
  addressPerm: Permutation;
  /** House-number suffix radix (flats, doors, letters) needed to keep addresses unique. */
  flats: number;
}

export class IdentitySpace {
  /** Suffix levels per (name, style): the identity space is namePairs * STYLES * levels. */
  readonly levels: number;
  readonly size: number;
  private readonly namePairs: number;
  private readonly countries: CountrySpace[];
  private readonly perm: Permutation;
  private readonly subscribers: Permutation;

  constructor(
    private readonly seed: number,
    capacity: number,
  ) {
    let offset = 0;
    const partial = COUNTRIES.map((country) => {
      const n = NAMES[country];
      const firsts = [...n.female, ...n.male];
      const pairs = firsts.length * n.last.length;
      const seen = new Map<string, number>();
      const initialRank = firsts.map((f) => {
        const initial = mailName(f)[0] as string;
        const rank = seen.get(initial) ?? 0;
        seen.set(initial, rank + 1);
        return rank;
      });
      const initialGroup = Math.max(...seen.values());
      const entry = { country, firsts, femaleCount: n.female.length, lasts: n.last, pairs, offset, initialRank, initialGroup };
      offset += pairs;
      return entry;
    });
    this.namePairs = offset;
    this.levels = Math.max(6, Math.ceil(capacity / (this.namePairs * STYLES)));
    this.size = this.namePairs * STYLES * this.levels;
    this.perm = new Permutation(this.size, hash3(seed, STREAM.identity, 0));
    this.subscribers = subscriberPermutation(seed);
    this.countries = partial.map((c, i) => {
      const identities = c.pairs * STYLES * this.levels;
      const base = TOWNS[c.country].length * STREETS[c.country].length * HOUSE_NUMBERS[c.country];
      const flats = Math.max(FLATS[c.country], Math.ceil(identities / base));
      return { ...c, flats, addressPerm: new Permutation(base * flats, hash3(seed, STREAM.address, i)) };
    });
  }

  person(index: number): Person {
    const key = this.perm.apply(index);
    const pairSlot = key % this.namePairs;
    const rest = Math.floor(key / this.namePairs);
    const style = rest % STYLES;
    const level = Math.floor(rest / STYLES);
    let space = this.countries[0] as CountrySpace;
    for (const c of this.countries) if (pairSlot >= c.offset) space = c;
    const pair = pairSlot - space.offset;
    const firstIndex = Math.floor(pair / space.lasts.length);
    const lastIndex = pair % space.lasts.length;
    const female = firstIndex < space.femaleCount;
    const first = space.firsts[firstIndex] as string;
    const last = surnameFor(space.country, space.lasts[lastIndex] as string, female);
    const localKey = (pair * STYLES + style) * this.levels + level;
    const person: Person = {
      index,
      key,
      localKey,
      country: space.country,
      first,
      last,
      female,
      street: '',
      postcode: '',
      city: '',
      firstIndex,
      style,
      level,
    };
    this.address(space, person);
    return person;
  }

  /** The name as this person types it into checkout forms (a few write lower case or initials). */
  displayName(p: Person): string {
    return displayName(p.first, p.last, unit3(this.seed, STREAM.personStyle, p.key));
  }

  phone(p: Person): Phone {
    return phoneFor(this.seed, p.country, p.key, this.subscribers);
  }

  /** False for people who leave the phone field empty. */
  hasPhone(p: Person): boolean {
    return unit3(p.key, STREAM.phone, this.seed) < 0.88;
  }

  email(p: Person): string {
    const space = this.countries[COUNTRIES.indexOf(p.country)] as CountrySpace;
    return this.emailOf(space, p.key, p.first, p.last, p.firstIndex, p.style, p.level);
  }

  /**
   * The e-mail address is unique per identity by construction: two people with the same name
   * differ in (style, level), and the suffix index below is injective in both.
   * Patterns: first.last, last.first, f.last, lastf; gmail ignores dots, so no two patterns
   * may differ by dots alone. Every pattern keeps the full surname, and surnames differ between
   * countries, so the same given name in two countries cannot collide.
   */
  private emailOf(space: CountrySpace, key: number, first: string, last: string, firstIndex: number, style: number, level: number): string {
    const domainClass = Math.floor(style / 4);
    const pattern = style % 4;
    const f = mailName(first);
    const l = mailName(last);
    const spreadDraw = unit3(this.seed, STREAM.identity, key);
    const spread = spreadDraw < 0.4 ? 0 : 1 + Math.floor(((spreadDraw - 0.4) / 0.6) * (SUFFIX_SPREAD - 1));
    const sepDraw = hash3(this.seed, STREAM.token, key) % 100;
    const domain = pickWeighted(domainClass === 0 ? GMAIL : domainClass === 1 ? DOMAINS[space.country] : INTERNATIONAL, unit3(key, this.seed, STREAM.identity));
    const sep = sepDraw < 65 ? '.' : sepDraw < 90 || domainClass === 0 ? '' : '_';
    let local: string;
    if (pattern === 0) local = f + sep + l + emailSuffix(level * SUFFIX_SPREAD + spread);
    else if (pattern === 1) local = l + sep + f + emailSuffix(level * SUFFIX_SPREAD + spread);
    else {
      // Initial-only patterns: given names sharing an initial (Anna, Andreas) get different numbers.
      const n = (level * space.initialGroup + (space.initialRank[firstIndex] as number)) * SUFFIX_SPREAD + spread;
      local = pattern === 2 ? f[0] + sep + l + emailSuffix(n) : l + f[0] + emailSuffix(n);
    }
    return `${local}@${domain}`;
  }

  /** Fills in the unique postal address of `p` (a bijection from its local key). */
  private address(space: CountrySpace, p: Person): void {
    const c = space.country;
    const towns = TOWNS[c];
    const streets = STREETS[c];
    const houses = HOUSE_NUMBERS[c];
    let a = space.addressPerm.apply(p.localKey);
    const townIndex = a % towns.length;
    a = Math.floor(a / towns.length);
    const streetIndex = a % streets.length;
    a = Math.floor(a / streets.length);
    const house = (a % houses) + 1;
    const flat = Math.floor(a / houses);
    const town = towns[townIndex] as (typeof towns)[number];
    const street = streets[streetIndex] as string;
    const at = hash3(townIndex, streetIndex, COUNTRIES.indexOf(c));
    p.street = formatStreetLine(c, street, flat > 0 ? `${house}${HOUSE_SUFFIX[c](flat)}` : String(house));
    p.postcode = formatPostcode(c, town, at, at >>> 8);
    p.city = town.name;
  }
}

function displayName(first: string, last: string, u: number): string {
  if (u < 0.03) return `${first} ${last}`.toLowerCase();
  if (u < 0.045) return `${first} ${last.toUpperCase()}`;
  if (u < 0.06) return `${first[0]}. ${last}`;
  return `${first} ${last}`;
}
