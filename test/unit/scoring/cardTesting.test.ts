// Card testing: declined tries with many cards on one device, IP or account before an order that
// was paid. Planted cases, each with the case that must not fire beside it.
import { describe, expect, it } from 'vitest';
import { buildKeyIndex } from '../../../shared/linking';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { DEFAULT_MATRIX, scoreOrder, SIGNALS } from '../../../shared/scoring/matrix';
import { computeSignals } from '../../../shared/scoring/signals';
import { order } from '../normalize/orderFixture';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const T = Date.UTC(2026, 10, 16, 21, 40);

const signalsOf = (orders: Order[], payments: Payment[], positions: number[]) =>
  computeSignals({ orders, live: new Uint8Array(orders.length).fill(1), index: buildKeyIndex(orders), disputes: [], ringOf: new Map(), payments }, positions);

/** A Stripe charge; `declined` ones are what a card tester leaves behind. */
function charge(fields: Partial<Payment> & Pick<Payment, 'id' | 'createdAt'>): Payment {
  return {
    provider: 'stripe',
    orderRef: '',
    amountMinor: 100,
    currency: 'EUR',
    status: 'failed',
    email: '',
    ip: '',
    cardBin: '',
    cardLast4: '',
    cardExpiry: '',
    cardFingerprint: '',
    cardBrand: 'visa',
    cardCountry: 'US',
    ...fields,
  };
}

/** `n` declined tries, each with another card, a few minutes apart, ending `before` ms before T. */
function declines(n: number, before: number, fields: Partial<Payment> = {}, from = 0): Payment[] {
  return Array.from({ length: n }, (_, k) =>
    charge({
      id: `ch_3Q${from + k}XtsTnKq`,
      createdAt: T - before - (n - 1 - k) * 3 * MIN,
      cardBin: '414720',
      cardLast4: String(1103 + 97 * (from + k)).padStart(4, '0'),
      cardExpiry: `0${1 + ((from + k) % 9)}/28`,
      cardFingerprint: `fpT${from + k}kQ93xLm2`,
      ...fields,
    }),
  );
}

const fired = (o: ReturnType<typeof signalsOf>[number]) => scoreOrder(o, DEFAULT_MATRIX).fired.map((f) => f.text);

describe('card testing', () => {
  it('scores an order paid after six cards were declined on its device', () => {
    // A guest checkout at 21:40; from 20:55 the same browser had six €1 tries declined, six cards
    // (BIN 414720, one issuer's range), none naming this order: the tester's tries on other carts.
    const buyer = order({
      externalId: '#88231',
      email: 'm.hoffmann.shop@gmx.net',
      deviceId: 'dev-41c9e0aa-5b13',
      ip: '91.64.18.201',
      cardFingerprint: 'fpK2m81Zq0Lw',
      createdAt: T,
      totalMinor: 64900,
    });
    const tries = declines(6, 20 * MIN, { deviceId: 'dev-41c9e0aa-5b13', ip: '185.220.101.47' });
    const [s] = signalsOf([buyer], tries, [0]);
    expect(s!.declinedCards).toBe(6);
    expect(fired(s!)).toEqual(['+25 6 cards declined on it or its device, IP, e-mail or account in 24 h', "+5 customer's first order"]);
    expect(scoreOrder(s!, DEFAULT_MATRIX).outcome).toBe('review');
    // Twelve cards: the higher tier alone, review without any other signal.
    const [many] = signalsOf([buyer], declines(12, 20 * MIN, { deviceId: 'dev-41c9e0aa-5b13' }), [0]);
    expect(fired(many!)[0]).toBe('+40 12 cards declined on it or its device, IP, e-mail or account in 24 h');
    expect(scoreOrder({ declinedCards: 12 }, DEFAULT_MATRIX)).toMatchObject({ score: 40, outcome: 'review' });
  });

  it('tells cards apart by fingerprint or expiry, not by a 6-digit BIN and last 4 they happen to share', () => {
    const buyer = order({ externalId: '#88233', email: 'k.brandt@web.de', deviceId: 'dev-77aa01', createdAt: T });
    // Four tries, four cards: one issuer's BIN, two of them ending alike (other 8 digits, expiry and fingerprint).
    const tries = declines(4, H, { deviceId: 'dev-77aa01' }).map((p, k) => (k < 2 ? { ...p, cardBin: `414720${k}${k}`, cardLast4: '4242' } : p));
    expect(signalsOf([buyer], tries, [0])[0]!.declinedCards).toBe(4);
    // Without fingerprints or expiries (a report of BIN and last 4 only), other 8 digits are still another card.
    const bare = tries.map((p) => ({ ...p, cardExpiry: '', cardFingerprint: '' }));
    expect(signalsOf([buyer], bare, [0])[0]!.declinedCards).toBe(4);
  });

  it('matches on the exact IP and on the e-mail too, but not on a /24 network', () => {
    const buyer = order({ externalId: '#88232', email: 'ops.lager@t-online.de', ip: '91.64.18.201', createdAt: T });
    expect(signalsOf([buyer], declines(4, H, { ip: '91.64.18.201' }), [0])[0]!.declinedCards).toBe(4);
    const [byEmail] = signalsOf([buyer], declines(4, H, { email: 'Ops.Lager@t-online.de' }), [0]);
    expect(byEmail!.declinedCards).toBe(4);
    // Counted on the e-mail, and said so: the fired rule and the matrix row name what it counts.
    expect(fired(byEmail!)[0]).toBe('+25 4 cards declined on it or its device, IP, e-mail or account in 24 h');
    expect(SIGNALS.declinedCards.label).toMatch(/device, exact IP, e-mail or account .*tries to pay it/);
    // Another household on the same street cabinet.
    expect(signalsOf([buyer], declines(4, H, { ip: '91.64.18.77' }), [0])[0]!.declinedCards).toBeUndefined();
  });

  it("does not score a customer's one declined card before she paid with another", () => {
    // Her debit card is declined (daily limit); ten minutes later she pays with her credit card.
    const jana = { customerId: 'cus_Pq81', email: 'jana.wolff@web.de', deviceId: 'dev-7d2f10c4-e981', ip: '84.151.33.9' };
    const paid = order({ ...jana, externalId: '#88240', cardFingerprint: 'fpJw2Cc81Lq0', createdAt: T, totalMinor: 12990 });
    const declined = charge({
      id: 'ch_3QJw1',
      orderRef: '#88240',
      createdAt: T + 2 * MIN,
      email: jana.email,
      ip: jana.ip,
      deviceId: jana.deviceId,
      cardBin: '516732',
      cardLast4: '0087',
      cardExpiry: '11/27',
      cardFingerprint: 'fpJw2Db55Mx7',
    });
    const [s] = signalsOf([paid], [declined], [0]);
    expect(s!.declinedCards).toBe(1);
    expect(fired(s!)).not.toContainEqual(expect.stringContaining('declined'));
  });

  it('does not count declines on a shared IP the rings hold back as a hub', () => {
    // A mobile carrier's shared address: eleven customers order from it now and then over three
    // months (steady use by many, a hub). Five cards are declined on it in the evening, then one
    // more customer on it pays.
    const carrier = '80.187.104.12';
    const regulars = Array.from({ length: 11 }, (_, n) =>
      order({ externalId: `#8700${n}`, customerId: `cus_R${n}`, email: `kunde${n}@freenet.de`, ip: carrier, createdAt: T - (95 - n * 8) * DAY }),
    );
    const buyer = order({ externalId: '#88250', customerId: 'cus_N1', email: 'lukas.brandt@posteo.de', ip: carrier, createdAt: T });
    const orders = [...regulars, buyer];
    const tries = declines(5, 2 * H, { ip: carrier });
    expect(signalsOf(orders, tries, [11])[0]!.declinedCards).toBeUndefined();
    // The same five declines on an address only he uses: card testing.
    const alone = order({ ...buyer, ip: '91.64.18.201' });
    expect(signalsOf([...regulars, alone], declines(5, 2 * H, { ip: '91.64.18.201' }), [11])[0]!.declinedCards).toBe(5);
  });

  it('does not match on placeholder IPs or device ids', () => {
    const buyer = order({ externalId: '#88255', email: 'a.kurz@gmx.at', ip: '0.0.0.0', deviceId: 'unknown', createdAt: T });
    expect(signalsOf([buyer], declines(5, H, { ip: '0.0.0.0', deviceId: 'unknown' }), [0])[0]!.declinedCards).toBeUndefined();
    expect(signalsOf([buyer], declines(5, H, { ip: '10.0.0.1', deviceId: '00000000' }), [0])[0]!.declinedCards).toBeUndefined();
  });

  it('counts only declines in the 24 h before the order', () => {
    const device = 'dev-0be3a7f2-44d1';
    const buyer = order({ externalId: '#88260', email: 'p.nowak@wp.pl', deviceId: device, createdAt: T });
    // After it: the tester carrying on with other carts is no sign this order was paid with a found card.
    expect(signalsOf([buyer], declines(6, -2 * H, { deviceId: device }), [0])[0]!.declinedCards).toBeUndefined();
    // Older than the window: a burst two days ago is another evening's.
    expect(signalsOf([buyer], declines(6, 25 * H, { deviceId: device }), [0])[0]!.declinedCards).toBeUndefined();
    // One inside and the rest outside: one card.
    const mixed = [...declines(5, 25 * H, { deviceId: device }), ...declines(1, 23 * H, { deviceId: device }, 5)];
    expect(signalsOf([buyer], mixed, [0])[0]!.declinedCards).toBe(1);
    // Succeeded and refunded payments are no declines.
    const settled = declines(4, H, { deviceId: device, status: 'succeeded' });
    expect(signalsOf([buyer], settled, [0])[0]!.declinedCards).toBeUndefined();
  });

  it('counts tries to pay the order itself, even after it was placed and on a hub', () => {
    // The shop writes the order first and then takes payment: the tries carry its number and come after it.
    const carrier = '80.187.104.12';
    const regulars = Array.from({ length: 11 }, (_, n) =>
      order({ externalId: `#8700${n}`, customerId: `cus_R${n}`, email: `kunde${n}@freenet.de`, ip: carrier, createdAt: T - (95 - n * 8) * DAY }),
    );
    const buyer = order({ externalId: '#88270', email: 'x9k2@protonmail.com', ip: carrier, createdAt: T });
    const tries = declines(4, -30 * MIN, { orderRef: '88270', ip: carrier });
    expect(signalsOf([...regulars, buyer], tries, [11])[0]!.declinedCards).toBe(4);
    // An order number two shops share names neither: the tries are not held against either order.
    const other = order({ ...buyer, source: 'shopify-outlet', email: 'k.berger@web.de', ip: '91.64.18.201' });
    expect(signalsOf([...regulars, buyer, other], tries, [11, 12]).map((s) => s.declinedCards)).toEqual([undefined, undefined]);
    // Tries that say their shop (imported for it) are held against that shop's order only.
    const forOutlet = tries.map((t) => ({ ...t, orderSource: 'shopify-outlet' }));
    expect(signalsOf([...regulars, buyer, other], forOutlet, [11, 12]).map((s) => s.declinedCards)).toEqual([undefined, 4]);
    const forMain = tries.map((t) => ({ ...t, orderSource: 'shopify' }));
    expect(signalsOf([...regulars, buyer, other], forMain, [11, 12]).map((s) => s.declinedCards)).toEqual([4, undefined]);
  });

  it("counts declines on the customer's account from an earlier cart, and one card's fingerprint and number once", () => {
    // At 20:10 an account's cart (#88280, never paid, cancelled) had four cards declined from one
    // address; at 21:40 the same account pays another cart from elsewhere.
    const account = { customerId: 'cus_Zt40', email: 'dealz4u@outlook.com' };
    const abandoned = order({ ...account, externalId: '#88280', status: 'cancelled', ip: '185.220.101.47', createdAt: T - 90 * MIN });
    const paid = order({ ...account, externalId: '#88281', ip: '91.64.18.201', createdAt: T });
    const tries = declines(4, 80 * MIN, { orderRef: '#88280' });
    // The fourth card is tried twice: once with its fingerprint, once (another PSP account) by its number alone.
    const again = { ...tries[3]!, id: 'ch_3QZtAgain', cardFingerprint: '', createdAt: tries[3]!.createdAt + MIN };
    const [s] = signalsOf([abandoned, paid], [...tries, again], [1]);
    expect(s!.declinedCards).toBe(4);
  });

  it('a cache without declined payments scores as before', () => {
    const buyer = order({ externalId: '#88290', deviceId: 'dev-41c9e0aa-5b13', createdAt: T });
    const [s] = computeSignals({ orders: [buyer], live: new Uint8Array([1]), index: buildKeyIndex([buyer]), disputes: [], ringOf: new Map() }, [0]);
    expect(s!.declinedCards).toBeUndefined();
  });
});
