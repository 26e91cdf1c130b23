import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COUNTRIES, NAMES, mailName } from '../../../shared/demo/names';
import { panLikeNumbers } from '../../../shared/demo/pan-guard';
import { PHONE_FORMATS, formatPhone, panSafePhone } from '../../../shared/demo/phones';
import { Permutation, Rng, rngFor } from '../../../shared/demo/prng';
import { ADDRESS_VARIANTS, EMAIL_VARIANTS, gmailVariant, streetVariant } from '../../../shared/demo/variants';
import { addressKey, mailbox, phoneDigits } from './fixture';

describe('demo building blocks', () => {
  it('Permutation is a bijection on its domain for any size and key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer(), (n, key) => {
        const p = new Permutation(n, key);
        const seen = new Set<number>();
        for (let x = 0; x < n; x++) {
          const y = p.apply(x);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThan(n);
          seen.add(y);
        }
        expect(seen.size).toBe(n);
      }),
      { numRuns: 40 },
    );
  });

  it('Rng is sfc32 with 12 warm-up draws after every (re)seed, whatever the seed', () => {
    // The reference as PractRand's author gives it, one draw at a time: the demo year depends on
    // every draw, so a faster reseed must land in exactly the same state.
    function* sfc32(a: number, b: number, c: number, d: number) {
      for (;;) {
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        yield t >>> 0;
      }
    }
    const reused = new Rng(0, 0, 0, 0);
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), fc.double({ min: -1e10, max: 1e10, noNaN: true }), (a, b, c, d) => {
        const ref = sfc32(a | 0, b | 0, c | 0, d | 0);
        for (let i = 0; i < 12; i++) ref.next();
        const want = Array.from({ length: 8 }, () => ref.next().value);
        reused.reseed(a, b, c, d);
        expect(Array.from({ length: 8 }, () => reused.u32())).toEqual(want);
        const fresh = new Rng(a, b, c, d);
        expect(Array.from({ length: 8 }, () => fresh.u32())).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('rngFor streams are reproducible and independent', () => {
    const draw = (r: Rng) => Array.from({ length: 5 }, () => r.u32());
    expect(draw(rngFor(1, 2, 3))).toEqual(draw(rngFor(1, 2, 3)));
    expect(draw(rngFor(1, 2, 3))).not.toEqual(draw(rngFor(1, 2, 4)));
    expect(draw(rngFor(1, 2, 3))).not.toEqual(draw(rngFor(2, 2, 3)));
    const r = rngFor(9, 9, 9);
    const mean = Array.from({ length: 20_000 }, () => r.float()).reduce((a, b) => a + b, 0) / 20_000;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it('keeps surnames unique across countries and apart from given names (e-mail uniqueness rests on it)', () => {
    const surnames = COUNTRIES.flatMap((c) => NAMES[c].last.map(mailName));
    const given = new Set(COUNTRIES.flatMap((c) => [...NAMES[c].female, ...NAMES[c].male].map(mailName)));
    expect(new Set(surnames).size).toBe(surnames.length);
    expect(surnames.filter((s) => given.has(s))).toEqual([]);
  });

  it('writes every phone notation of any number without a card-like digit run, and they all dial the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTRIES), fc.nat(), fc.integer({ min: 0, max: 9_999_999 }), (country, prefix, sub) => {
        const phone = panSafePhone(country, prefix, String(sub).padStart(7, '0'));
        const forms = Array.from({ length: PHONE_FORMATS }, (_, f) => formatPhone(phone, f));
        for (const f of forms) expect(panLikeNumbers(f)).toEqual([]);
        expect(new Set(forms.map((f) => phoneDigits(f, country))).size).toBe(1);
      }),
    );
  });

  it('address variants differ in spelling but fold to one address', () => {
    const drop = { streetName: 'Königstraße', house: '14', postcode: '50667', city: 'Köln' };
    const lines = Array.from({ length: ADDRESS_VARIANTS }, (_, k) => streetVariant(drop, k));
    expect(new Set(lines).size).toBe(ADDRESS_VARIANTS);
    expect(new Set(lines.map((shipStreet) => addressKey({ shipStreet, shipPostcode: drop.postcode }))).size).toBe(1);
    expect(lines).toContain('Königstr. 14');
    expect(lines.some((l) => /koenigstrasse/i.test(l))).toBe(true);
  });

  it('gmail variants differ in spelling but reach one mailbox', () => {
    const variants = Array.from({ length: EMAIL_VARIANTS }, (_, k) => gmailVariant('anna.mueller85@gmail.com', k));
    expect(new Set(variants).size).toBe(EMAIL_VARIANTS);
    expect(new Set(variants.map(mailbox))).toEqual(new Set(['annamueller85@gmail.com']));
    expect(variants.some((v) => v.includes('+'))).toBe(true);
    expect(variants.some((v) => v.endsWith('@googlemail.com'))).toBe(true);
  });
});
