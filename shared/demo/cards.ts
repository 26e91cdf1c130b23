// Card summaries as Stripe reports them: BIN (6 or 8 digits), last 4, expiry, brand, issuing
// country and a fingerprint that is stable per card. A full card number never exists here.

import { ALNUM, Rng, Weighted, reseedFor, rngFor } from './prng';
import { STREAM } from './streams';

export type CardBrand = 'visa' | 'mastercard' | 'amex';

export interface Card {
  bin: string;
  last4: string;
  /** `MM/YY`. */
  expiry: string;
  fingerprint: string;
  brand: CardBrand;
  /** ISO 3166-1 alpha-2 of the issuer. */
  country: string;
}

const BRANDS: readonly CardBrand[] = ['visa', 'mastercard', 'amex'];
const BRAND_SHARE = new Weighted(BRANDS, [52, 41, 7]);
const BINS_PER_ISSUER_GROUP = 8;

/** Issuer countries of cards that fraud rings use (often not the shipping country). */
export const FOREIGN_CARD_COUNTRIES = ['US', 'GB', 'FR', 'NL', 'IT', 'ES', 'BE', 'SE', 'DE'] as const;

function makeBin(rng: Rng, brand: CardBrand): string {
  const eight = rng.chance(0.3);
  const digits = (n: number): string => String(rng.int(10 ** n)).padStart(n, '0');
  if (brand === 'amex') return rng.pick(['34', '37']) + digits(4);
  if (brand === 'visa') return '4' + digits(eight ? 7 : 5);
  if (rng.chance(0.8)) return '5' + rng.range(1, 5) + digits(eight ? 6 : 4);
  return String(rng.range(2221, 2720)) + digits(eight ? 4 : 2);
}

export class CardSpace {
  private readonly bins = new Map<string, string[]>();
  private readonly scratch = new Rng(0, 0, 0, 0);

  constructor(
    private readonly seed: number,
    /** Two-digit year of "now": cards expire after the data ends. */
    private readonly nowYear: number,
  ) {}

  /** A small set of BINs per (country, brand): issuers repeat across customers, as they do. */
  private binFor(country: string, brand: CardBrand, pick: number): string {
    const id = `${country}:${brand}`;
    let list = this.bins.get(id);
    if (!list) {
      const rng = rngFor(this.seed, STREAM.binPool, country.charCodeAt(0) * 256 + country.charCodeAt(1) + BRANDS.indexOf(brand) * 65536);
      list = Array.from({ length: BINS_PER_ISSUER_GROUP }, () => makeBin(rng, brand));
      this.bins.set(id, list);
    }
    return list[pick % list.length] as string;
  }

  /** Card number `slot` of the holder with identity `key`. */
  personCard(key: number, slot: number, homeCountry: string): Card {
    const rng = reseedFor(this.scratch, this.seed, STREAM.card, key * 2 + slot);
    const country = rng.chance(0.95) ? homeCountry : rng.pick(FOREIGN_CARD_COUNTRIES);
    return this.draw(rng, country);
  }

  /** A card that appears out of nowhere (stolen or synthetic), issued in `country`. */
  freshCard(draw: number, country: string): Card {
    return this.draw(rngFor(this.seed, STREAM.card, 0x40000000 + draw), country);
  }

  private draw(rng: Rng, country: string): Card {
    const brand = BRAND_SHARE.pick(rng);
    const month = rng.range(1, 12);
    const year = (this.nowYear + rng.range(1, 5)) % 100;
    return {
      bin: this.binFor(country, brand, rng.int(BINS_PER_ISSUER_GROUP)),
      last4: String(rng.int(10000)).padStart(4, '0'),
      expiry: `${String(month).padStart(2, '0')}/${String(year).padStart(2, '0')}`,
      fingerprint: rng.chars(ALNUM, 16),
      brand,
      country,
    };
  }
}
