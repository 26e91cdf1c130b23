import fc from 'fast-check';
// Cell values as exports write them: amounts, timestamps, countries, states, card networks, and
// the hashes records are compared by.
import { describe, expect, it } from 'vitest';
import { CENTRAL_EUROPE, countryCode, currencyCode, fnv1a64, hashFields, parseAmount4, parseTimestamp, toMinorUnits, UTC } from '../../../shared/ingest';
import { currenciesNamedIn } from '../../../shared/ingest/amounts';
import { expiryFromText, expiryOf } from '../../../shared/ingest/cardExpiry';
import { cardNetworkOf, disputeStatusOf, orderStatusOf, paymentStatusOf } from '../../../shared/ingest/vocabulary';

describe('parseAmount4 (1/10,000 units)', () => {
  it.each([
    ['12.50', '.', 125_000],
    ['12,50', ',', 125_000],
    ['1.234,56', '.', 12_345_600],
    ['1,234.56', ',', 12_345_600],
    ['1.234.567', '.', 12_345_670_000],
    ['1 234,56', ',', 12_345_600],
    ["1'234.50", '.', 12_345_000],
    ['1\u00a0234,50 €', ',', 12_345_000],
    ['EUR 12.50', '.', 125_000],
    ['€-5', '.', -50_000],
    ['-12.50', '.', -125_000],
    ['12.50-', '.', -125_000],
    // Swiss and German prices write no cents as a dash after the decimal mark: twelve, not minus twelve.
    ['12.-', '.', 120_000],
    ['CHF 12.–', '.', 120_000],
    ['12,—', ',', 120_000],
    ['1.299,- €', ',', 12_990_000],
    ['-12.-', '.', -120_000],
    ['(12.50)', '.', -125_000],
    ['.5', '.', 5_000],
    ['0', '.', 0],
    ['1.234', ',', 12_340_000],
    ['1.234', '.', 12_340],
    ['1,234', ',', 12_340],
    // Polish, Czech and Indian shops write their own signs.
    ['12,50 zł', ',', 125_000],
    ['1 299 Kč', ',', 12_990_000],
    ['₹1,299.00', '.', 12_990_000],
    ['₽500', '.', 5_000_000],
    // Letters only as a currency: a code, a name, or a sign written in plain letters.
    ['US$ 12.50', '.', 125_000],
    ['Fr. 12.50', '.', 125_000],
    ['12.50 Fr.', '.', 125_000],
    ['Rs. 1,299', '.', 12_990_000],
    ['12,50 zl', ',', 125_000],
    ['1 234 567,89', ',', 12_345_678_900],
    // Short signs of up to three letters set apart from the digits, as many currencies write them.
    ['NT$1,234', '.', 12_340_000],
    ['RM 12.50', '.', 125_000],
    ['12,50 TL', ',', 125_000],
    ['KSh 1,234', '.', 12_340_000],
    ['Gs. 12.000', ',', 120_000_000],
    ['kr. 1.234,50', ',', 12_345_000],
    ['12.50 dollars', '.', 125_000],
  ] as const)('%s with decimal mark %s', (raw, mark, expected) => {
    expect(parseAmount4(raw, mark)).toBe(expected);
  });

  it.each([
    '',
    'abc',
    '12.3.4,5,6',
    '12e5',
    '1.23456',
    '--',
    '€',
    'zł',
    '12✓50',
    '12×3',
    '50¢',
    'Straße 5',
    'Łódź 90-001',
    'ul. Piękna 12',
    'José 1978',
    '12zł50',
    '12.-5',
    '12.–3',
    // A letter that names no currency, or digits a space parts into no thousands.
    '12.5x',
    '3 x 12.50',
    '1E+11',
    '1 2.50',
    '12 50',
    '1234 567',
    '12,50 1',
    '1 2345,00',
  ])('%j is not an amount', (raw) => {
    expect(Number.isNaN(parseAmount4(raw, '.'))).toBe(true);
  });

  it('minor units respect the currency exponent and refuse finer amounts', () => {
    expect(toMinorUnits(125_000, 'EUR')).toBe(1250);
    expect(toMinorUnits(12_340, 'EUR')).toBeNaN();
    expect(toMinorUnits(12_340, 'KWD')).toBe(1234);
    expect(toMinorUnits(1_230_000, 'JPY')).toBe(123);
    expect(toMinorUnits(1_235_000, 'JPY')).toBeNaN();
  });

  it('currency codes', () => {
    expect([currencyCode('eur'), currencyCode(' EUR '), currencyCode('€'), currencyCode('Euro'), currencyCode('E1R'), currencyCode('EUE')]).toEqual([
      'EUR',
      'EUR',
      'EUR',
      'EUR',
      '',
      '',
    ]);
    expect([currencyCode('zł'), currencyCode('Kč'), currencyCode('₹'), currencyCode('kr'), currencyCode('Ft'), currencyCode('lei')]).toEqual([
      'PLN',
      'CZK',
      'INR',
      '',
      'HUF',
      'RON',
    ]);
    // Codes exports still write that Intl leaves out: replaced ones Stripe kept, fund codes.
    expect(['VEF', 'MRO', 'STD', 'LTL', 'CLF', 'XYZ'].map(currencyCode)).toEqual(['VEF', 'MRO', 'STD', 'LTL', 'CLF', '']);
  });

  it.each([
    ['12.50', null],
    ['-1.234,56', null],
    ['12.50 USD', ['USD']],
    ['eur 12,50', ['EUR']],
    ['€12.50', ['EUR']],
    ['£99.00', ['GBP']],
    ['12,50 Euro', ['EUR']],
    ['US$ 12.50', ['USD']],
    ['CA$12.50', ['CAD']],
    ['$12.50 USD', ['USD']],
    ['¥1,200', ['JPY', 'CNY']],
    ['$12.50 EUR', []],
    ['12.50 approx', null],
    ['12,50 zł', ['PLN']],
    ['1 299 Kč', ['CZK']],
    ['₹1,299.00', ['INR']],
    ['₺49,90', ['TRY']],
    ['12,50 zł EUR', []],
  ] as const)('the currency %j names: %j', (raw, codes) => {
    expect(currenciesNamedIn(raw)).toEqual(codes);
  });

  it('a $ names every dollar, not only the US one', () => {
    expect(currenciesNamedIn('$12.50')).toEqual(expect.arrayContaining(['USD', 'CAD', 'AUD']));
  });
});

describe('parseTimestamp', () => {
  const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);
  it.each([
    ['2026-05-01 10:00:00 +0200', UTC, at(2026, 5, 1, 8)],
    ['2026-05-01 10:00:00 -05:00', UTC, at(2026, 5, 1, 15)],
    ['2026-05-01T10:00:00Z', CENTRAL_EUROPE, at(2026, 5, 1, 10)],
    ['2026-05-01T10:00:00.123+00:00', CENTRAL_EUROPE, at(2026, 5, 1, 10, 0, 0, 123)],
    ['2026-05-01 10:00:00', UTC, at(2026, 5, 1, 10)],
    ['2026-05-01 10:00:00 UTC', CENTRAL_EUROPE, at(2026, 5, 1, 10)],
    // Reports write CET for the zone, summer or not (Adyen's Record Date TimeZone): read as Europe/Berlin.
    ['2026-05-01 10:00:00 CET', UTC, at(2026, 5, 1, 8)],
    ['2026-05-01 10:00:00 CEST', UTC, at(2026, 5, 1, 8)],
    ['01.05.2026 10:00', CENTRAL_EUROPE, at(2026, 5, 1, 8)],
    ['15.01.2026 10:00', CENTRAL_EUROPE, at(2026, 1, 15, 9)],
    ['1.5.26', UTC, at(2026, 5, 1)],
    ['2026-05-01', UTC, at(2026, 5, 1)],
    ['2026/05/01 7:05', UTC, at(2026, 5, 1, 7, 5)],
    ['1777622400', UTC, at(2026, 5, 1, 8)],
    ['1777622400000', UTC, at(2026, 5, 1, 8)],
  ] as const)('%s', (raw, zone, expected) => {
    expect(parseTimestamp(raw, zone)).toBe(expected);
  });

  it('a two-digit year is this century unless that is more than 20 years ahead: 99 is 1999, 26 is 2026', () => {
    expect(parseTimestamp('31.12.99', UTC)).toBe(at(1999, 12, 31));
    expect(parseTimestamp('1.5.46', UTC)).toBe(at(2046, 5, 1));
    expect(parseTimestamp('1.5.47', UTC)).toBe(at(1947, 5, 1));
    expect(parseTimestamp('4/18/15', UTC, 'MDY')).toBe(at(2015, 4, 18));
    // The year it is read near is handed in, never taken from the wall clock.
    expect(parseTimestamp('1.5.50', UTC, 'DMY', 2040)).toBe(at(2050, 5, 1));
    expect(parseTimestamp('1.5.99', UTC, 'DMY', 2085)).toBe(at(2099, 5, 1));
    expect(parseTimestamp('1.5.06', UTC, 'DMY', 2085)).toBe(at(2006, 5, 1));
    expect(parseTimestamp('1.5.04', UTC, 'DMY', 2085)).toBe(at(2104, 5, 1));
  });

  it('EU summer time switches on the last Sundays of March and October', () => {
    expect(parseTimestamp('2026-03-29 01:59', CENTRAL_EUROPE)).toBe(Date.UTC(2026, 2, 29, 0, 59));
    expect(parseTimestamp('2026-03-29 03:00', CENTRAL_EUROPE)).toBe(Date.UTC(2026, 2, 29, 1, 0));
    expect(parseTimestamp('2026-10-25 04:00', CENTRAL_EUROPE)).toBe(Date.UTC(2026, 9, 25, 3, 0));
  });

  it.each(['', 'yesterday', '2026-13-01', '2026-02-29', '31.04.2026', '2026-05-01 25:00', '2026-05-01 10:00 +2', '2026-05-01 10:00 PST', '20260501'])(
    '%j is not a date',
    (raw) => {
      expect(parseTimestamp(raw, UTC)).toBeNaN();
    },
  );

  it('card expiry as MM/YY', () => {
    expect([expiryOf('4', '2028'), expiryOf('12', '27'), expiryOf('13', '2028'), expiryOf('4', '202')]).toEqual(['04/28', '12/27', '', '']);
    expect(['05/27', '5/2027', '2027-05', '0527', 'soon'].map(expiryFromText)).toEqual(['05/27', '05/27', '05/27', '05/27', '']);
  });

  it.each([
    ['12/2027', '12/27'],
    ['2027/12', '12/27'],
    // Excel turns 12/27 into 1 December 2027 and prints it in the locale's short date
    ['12/1/2027', '12/27'],
    ['01.12.2027', '12/27'],
    ['1/12/2027', '12/27'],
    ['12/1/27', '12/27'],
    ['2027-12-01', '12/27'],
    ['2027-12-01 00:00:00', '12/27'],
    ['12/1/2027 12:00:00 AM', '12/27'],
    // some systems write the last day of the month
    ['12/31/2027', '12/27'],
    ['30.04.2027', '04/27'],
    ['2/29/2028', '02/28'],
    ['1/1/2027', '01/27'],
    ['Dec-27', '12/27'],
    ['Dez. 27', '12/27'],
    ['December 2027', '12/27'],
    ['März 2027', '03/27'],
  ])('card expiry %s written as a date reads as %s', (text, expiry) => {
    expect(expiryFromText(text)).toBe(expiry);
  });

  // `05/27` typed into US Excel becomes 27 May of this year: a mid-month date is no expiry, whatever its year.
  it.each([
    '5/6/2027',
    '06.05.2027',
    '27-Dec',
    '2027-13-01',
    '2027-02-30',
    'Decade 27',
    '46722',
    '12/27/2027/1',
    '5/27/2026',
    '12/27/26',
    '2026-05-27',
    '27.05.2026',
  ])('%s gives no certain month and year: no expiry', (text) => {
    expect(expiryFromText(text)).toBe('');
  });
});

describe('countries', () => {
  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    ['DEU', 'DE'],
    ['Deutschland', 'DE'],
    ['Österreich', 'AT'],
    ['Germany', 'DE'],
    ['UK', 'GB'],
    ['', ''],
    ['Atlantis', null],
    ['XX', null],
  ])('%j -> %j', (raw, code) => {
    expect(countryCode(raw)).toBe(code);
  });
});

describe('vocabulary', () => {
  it('order status: strongest word wins, cancellation date overrides', () => {
    expect(orderStatusOf('paid|unfulfilled', false).status).toBe('paid');
    expect(orderStatusOf('paid|fulfilled', false).status).toBe('fulfilled');
    expect(orderStatusOf('refunded|fulfilled', false).status).toBe('refunded');
    expect(orderStatusOf('partially_refunded|fulfilled', false).status).toBe('fulfilled');
    expect(orderStatusOf('Shipped', false).status).toBe('fulfilled');
    expect(orderStatusOf('Unshipped', false).status).toBe('paid');
    expect(orderStatusOf('Storniert', false).status).toBe('cancelled');
    expect(orderStatusOf('paid', true).status).toBe('cancelled');
    expect(orderStatusOf('frobnicated', false)).toEqual({ status: 'open', unknown: true });
  });

  it('order status: shipped in German, and words that say it has not happened yet', () => {
    const status = (cells: string) => orderStatusOf(cells, false).status;
    expect(status('versendet')).toBe('fulfilled');
    expect(status('Teilweise versendet')).toBe('paid');
    // Not shipped yet: the order stays in the review queue, whatever the shipping word in it.
    for (const word of ['nicht versendet', 'Not shipped', 'Versand ausstehend', 'Versandbereit', 'Awaiting shipment', 'Pending fulfillment', 'Ready to ship'])
      expect([word, status(word)]).not.toEqual([word, 'fulfilled']);
    expect(status('paid|Not shipped')).toBe('paid');
    expect(status('Unpaid')).toBe('open');
    expect(status('nicht bezahlt')).toBe('open');
    // "Not cancelled" names no state: not understood, and never cancelled.
    expect(orderStatusOf('nicht storniert', false)).toEqual({ status: 'open', unknown: true });
  });

  it('payment and dispute states', () => {
    expect(paymentStatusOf('Paid', 100, 0)).toBe('succeeded');
    expect(paymentStatusOf('Paid', 100, 100)).toBe('refunded');
    expect(paymentStatusOf('Failed', 100, 0)).toBe('failed');
    expect([paymentStatusOf('Refused', 100, 0), paymentStatusOf('Denied', 100, 0), paymentStatusOf('Abgeschlossen', 100, 0)]).toEqual([
      'failed',
      'failed',
      'succeeded',
    ]);
    expect(
      [
        'warning_needs_response',
        'under_review',
        'won',
        'lost',
        'warning_closed',
        'ChargebackReversed',
        'SecondChargeback',
        'InformationSupplied',
        'NotificationOfFraud',
        'bogus',
      ].map(disputeStatusOf),
    ).toEqual(['new', 'submitted', 'won', 'lost', 'won', 'won', 'lost', 'submitted', 'accepted', null]);
  });

  it('card network from brand, else from the reason code family', () => {
    expect(['Visa', 'MasterCard', 'mc', 'maestro', 'American Express', 'paypal'].map((b) => cardNetworkOf(b, ''))).toEqual([
      'visa',
      'mastercard',
      'mastercard',
      'mastercard',
      'amex',
      'paypal',
    ]);
    expect(['10.4', '13.1', '4837', '4853', 'F29', 'fraudulent', 'XYZ-9'].map((r) => cardNetworkOf('', r))).toEqual([
      'visa',
      'visa',
      'mastercard',
      'mastercard',
      'amex',
      'stripe',
      null,
    ]);
  });
});

describe('hashes', () => {
  it('FNV-1a 64 matches the reference vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('record hashes see every listed field and field boundaries', () => {
    const h = (r: object) => hashFields(r, ['a', 'b']);
    expect(h({ a: 'x', b: 'y' })).toMatch(/^[0-9a-f]{16}$/);
    expect(h({ a: 'x', b: 'y' })).toBe(h({ a: 'x', b: 'y', c: 'ignored' }));
    expect(h({ a: 'x', b: 'y' })).not.toBe(h({ a: 'xy', b: '' }));
    expect(h({ a: 1, b: 2 })).not.toBe(h({ a: 12, b: '' }));
  });

  it('gives the hashes it always gave: they are stored beside every record and compared on re-import', () => {
    // Pinned from the code that wrote the caches in use; a change here makes every re-imported row "updated".
    expect(hashFields({ a: 'x', b: 'y' }, ['a', 'b'])).toBe('5de3da38bdd1d43f');
    expect(hashFields({ a: 1763424424000, b: 'Łukasz Żółć' }, ['a', 'b'])).toBe('a12ac4517b983218');
    expect(hashFields({}, [])).toBe('488bdcb81aee8d83');
    expect(hashFields({ a: '' }, ['a'])).toBe('37afb4e9267ece0d');
  });

  it('hashes a number as the text String() gives it (stored hashes stay comparable)', () => {
    const h = (r: object) => hashFields(r, ['a', 'b']);
    const cases = [
      0,
      -0,
      7,
      -7,
      10,
      1763424424000,
      -1763424424000,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      2 ** 53,
      1e21,
      12.5,
      -0.25,
      NaN,
      Infinity,
    ];
    for (const n of cases) expect(h({ a: n, b: 'x' }), String(n)).toBe(h({ a: String(n), b: 'x' }));
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (n) => h({ a: n, b: n }) === h({ a: String(n), b: String(n) })));
  });
});
