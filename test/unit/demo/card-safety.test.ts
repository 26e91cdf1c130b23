import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { luhnValid, panLikeNumbers } from '../../../shared/demo/pan-guard';
import { NOW, demo10k } from './fixture';

/** Every value of every record as text, numbers included (timestamps are 13 digits long). */
function allFieldValues(records: readonly object[]): string[] {
  return records.flatMap((r) => Object.values(r).map(String));
}

/** Appends the Luhn check digit to a digit string. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('demo data: no card numbers anywhere', () => {
  const demo = demo10k();

  it('the scanner itself finds card numbers written in the usual ways', () => {
    expect(panLikeNumbers('4111 1111 1111 1111')).toHaveLength(1);
    expect(panLikeNumbers('card 4111-1111-1111-1111 exp 04/27')).toHaveLength(1);
    expect(panLikeNumbers('378282246310005')).toHaveLength(1);
    expect(panLikeNumbers('4111 1111 1111 1112')).toHaveLength(0);
    expect(panLikeNumbers('+49 170 1234567')).toHaveLength(0);
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{11,17}$/), fc.constantFrom('', ' ', '-'), (body, sep) => {
        const pan = withCheckDigit(body).replace(/(\d{4})(?=\d)/g, `$1${sep}`);
        expect(panLikeNumbers(`x ${pan} y`)).toEqual([pan]);
      }),
    );
  });

  it('finds no 13-19 digit Luhn-valid number in any order, payment, dispute or truth field', () => {
    const texts = [...allFieldValues(demo.orders), ...allFieldValues(demo.payments), ...allFieldValues(demo.disputes), JSON.stringify(demo.truth)];
    const hits = texts.flatMap((t) => panLikeNumbers(t));
    expect(hits).toEqual([]);
  });

  it('finds none at a larger size either (phones, ids and timestamps are guarded, not lucky)', async () => {
    const { generateDemo } = await import('../../../shared/demo');
    let hits: string[] = [];
    for (const chunk of generateDemo({ orders: 60_000, seed: 11, now: NOW, chunkSize: 20_000 })) {
      const texts = [...allFieldValues(chunk.orders), ...allFieldValues(chunk.payments), ...allFieldValues(chunk.disputes)];
      hits = hits.concat(texts.flatMap((t) => panLikeNumbers(t)));
    }
    expect(hits).toEqual([]);
  });

  it('keeps card data to BIN (6 or 8), last 4, future expiry, fingerprint and a brand matching the BIN', () => {
    const year = new Date(NOW).getUTCFullYear() % 100;
    for (const p of demo.payments) {
      expect(p.cardBin).toMatch(/^\d{6}$|^\d{8}$/);
      expect(p.cardLast4).toMatch(/^\d{4}$/);
      expect(p.cardFingerprint).toMatch(/^[A-Za-z0-9]{16}$/);
      const [mm, yy] = p.cardExpiry.split('/').map(Number) as [number, number];
      expect(p.cardExpiry).toMatch(/^(0[1-9]|1[0-2])\/\d\d$/);
      expect(yy).toBeGreaterThan(year);
      expect(mm).toBeGreaterThanOrEqual(1);
      const bin = Number(p.cardBin.slice(0, 4));
      if (p.cardBrand === 'visa') expect(p.cardBin[0]).toBe('4');
      else if (p.cardBrand === 'amex') expect(['34', '37']).toContain(p.cardBin.slice(0, 2));
      else if (p.cardBrand === 'mastercard') expect((bin >= 5100 && bin <= 5599) || (bin >= 2221 && bin <= 2720)).toBe(true);
      else throw new Error(`unexpected brand ${p.cardBrand}`);
    }
    expect(new Set(demo.payments.map((p) => p.cardBin.length))).toEqual(new Set([6, 8]));
    expect(new Set(demo.payments.map((p) => p.cardBrand))).toEqual(new Set(['visa', 'mastercard', 'amex']));
  });

  it('keeps a card fingerprint stable: one fingerprint, one BIN/last4/expiry', () => {
    const seen = new Map<string, string>();
    for (const p of demo.payments) {
      const facts = `${p.cardBin}|${p.cardLast4}|${p.cardExpiry}|${p.cardBrand}|${p.cardCountry}`;
      expect(seen.get(p.cardFingerprint) ?? facts).toBe(facts);
      seen.set(p.cardFingerprint, facts);
    }
  });

  it('shows Amazon buyers only as relay addresses, unique per buyer', () => {
    const amazon = demo.orders.filter((o) => o.marketplace === 'amazon');
    const withEmail = amazon.filter((o) => o.email !== '');
    expect(withEmail.length).toBeGreaterThan(amazon.length * 0.5);
    for (const o of withEmail) expect(o.email).toMatch(/^[a-z0-9]{15}@marketplace\.amazon\.de$/);
    const relayToBuyer = new Map<string, string>();
    for (const o of withEmail) {
      expect(relayToBuyer.get(o.email) ?? o.customerId).toBe(o.customerId);
      relayToBuyer.set(o.email, o.customerId);
    }
    expect(demo.orders.filter((o) => o.marketplace !== 'amazon').some((o) => o.email.includes('marketplace.amazon'))).toBe(false);
  });
});
