// Ring finding on small hand-made order sets: which orders join, why (evidence with raw values on
// both sides), hub suppression by marking and by customer count, overrides, key type and strength.
import { describe, expect, it } from 'vitest';
import { generateDemoAll } from '../../../shared/demo';
import { orderKey, type Order } from '../../../shared/domain/order';
import { buildKeyIndex, buildRings, findRings, KeyIndexBuilder, linkEdges, ringEvidence, UnionFind, type LinkOptions } from '../../../shared/linking';
import { ringName } from '../../../shared/linking/rings';
import { order } from '../normalize/orderFixture';
import { customerOrder } from './customerOrder';
import { chargebackOn } from '../../support/disputes';

const DAY = 86_400_000;

function ringsOf(orders: Order[], options: LinkOptions = {}): string[][] {
  return buildRings(orders, [], options)
    .rings.map((r) => r.orderKeys.slice().sort())
    .sort();
}

describe('UnionFind', () => {
  it('reports spanning-tree edges only', () => {
    const uf = new UnionFind(4);
    expect([uf.union(0, 1), uf.union(1, 0), uf.union(2, 3), uf.union(0, 3), uf.union(1, 2)]).toEqual([true, false, true, true, false]);
    expect(new Set([0, 1, 2, 3].map((i) => uf.find(i))).size).toBe(1);
  });
});

describe('findRings', () => {
  it("a card-transactions file (no account, e-mail or name): one cardholder's repeat purchases are no ring, many cards on one device are", () => {
    const address = { shipStreet: 'Hauptstraße 5', shipPostcode: '10115', shipCity: 'Berlin' };
    const repeat = [1, 2, 3].map((n) => order({ externalId: `#r${n}`, cardBin: '41111111', cardLast4: '1111', createdAt: n * DAY, ...address }));
    expect(ringsOf(repeat)).toEqual([]);
    const testing = [1, 2, 3, 4].map((n) =>
      order({ externalId: `#t${n}`, cardBin: '52000000', cardLast4: `000${n}`, deviceId: 'dev-card-tester-1', createdAt: n * 60_000 }),
    );
    expect(ringsOf(testing)).toEqual([testing.map((o) => orderKey(o)).sort()]);
  });

  it('joins orders of different customers through a chain of different keys', () => {
    const a = customerOrder({ cardFingerprint: 'FP-RING-1' });
    const b = customerOrder({ cardFingerprint: 'FP-RING-1', deviceId: 'device-abc-123' });
    const c = customerOrder({ deviceId: 'DEVICE-ABC-123', phone: '0157 1234567' });
    const d = customerOrder({ phone: '+49 157 1234567' });
    const loner = customerOrder({ cardFingerprint: 'FP-OTHER-9' });
    expect(ringsOf([a, b, c, d, loner])).toEqual([[a, b, c, d].map((o) => `shopify:${o.externalId}`).sort()]);
  });

  it('one customer repeating orders is not a ring', () => {
    const first = customerOrder({ cardFingerprint: 'FP-OWN' });
    const again = { ...first, externalId: '#again', createdAt: first.createdAt + DAY };
    expect(ringsOf([first, again])).toEqual([]);
  });

  it('counts customers per ring even when one customer has orders in two components', () => {
    // Same name and postcode = one customer; two devices = two components, neither a ring.
    const same = { shipName: 'Julia Fink', shipPostcode: '9400', shipCountry: 'AT', customerId: '', email: '' };
    const orders = ['device-one-11', 'device-two-22', 'device-one-11', 'device-two-22'].map((deviceId, i) =>
      order({ ...same, externalId: `#f${i}`, deviceId }),
    );
    expect(ringsOf(orders)).toEqual([]);
  });

  it('explains each link with the key, the rule and both raw values', () => {
    const a = customerOrder({ cardBin: '411111', cardLast4: '1111', cardExpiry: '03/27' });
    const b = customerOrder({ cardBin: '41111111', cardLast4: '1111', cardExpiry: '3/2027' });
    const orders = [a, b];
    const report = buildRings(orders);
    const [ring] = report.rings;
    expect(ring?.keys).toEqual({ card: ['411111|1111|03/27'] });
    expect(ringEvidence(ring!, report.index, orders)).toEqual([
      expect.objectContaining({
        type: 'card',
        rule: 'bin-last4-expiry',
        strength: 'medium',
        rawA: '411111 1111 03/27',
        rawB: '41111111 1111 3/2027',
        because: 'card 4111 11** **** 1111 exp 03/27 (same BIN, last 4 and expiry)',
      }),
    ]);
  });

  it("a card's BIN, last 4 and expiry link orders only while the provider's fingerprints do not tell two cards apart", () => {
    const card = { cardBin: '455555', cardLast4: '1234', cardExpiry: '11/29' };
    // Two cardholders of one large issuer meet on BIN, last 4 and expiry; their fingerprints differ.
    const lukas = customerOrder({ ...card, cardFingerprint: 'fp_lukas_own' });
    const marie = customerOrder({ ...card, cardFingerprint: 'fp_marie_own' });
    const apart = buildRings([lukas, marie]);
    expect(apart.rings).toEqual([]);
    expect(apart.hubs).toEqual([
      expect.objectContaining({
        type: 'card',
        value: '455555|1234|11/29',
        reason: 'cards-differ',
        allowed: false,
        customers: 2,
        why: 'the same BIN, last 4 and expiry on 2 cards the card provider tells apart by fingerprint in one shop: not one card',
      }),
    ]);
    // An order without a fingerprint beside them may have been either card: it links to neither by the summary.
    const unknown = customerOrder({ ...card });
    expect(ringsOf([lukas, marie, unknown])).toEqual([]);
    expect(buildRings([lukas, marie, unknown]).hubs[0]?.why).toMatch(/on 2 cards/);
    // One fingerprint and orders without one: one card as far as the file tells, so they link.
    expect(ringsOf([lukas, unknown])).toEqual([[lukas, unknown].map((o) => orderKey(o)).sort()]);
    // A provider fingerprints a card per merchant account: in two shops one card has two fingerprints,
    // so fingerprints of different shops do not tell cards apart.
    const outlet = customerOrder({ ...card, cardFingerprint: 'fp_outlet_account', source: 'shopify@outlet' });
    expect(ringsOf([lukas, outlet])).toEqual([[lukas, outlet].map((o) => orderKey(o)).sort()]);
    // The same fingerprint links whatever the summaries say; the analyst may let the summary link all the same.
    expect(ringsOf([lukas, marie], { overrides: [{ type: 'card', value: '455555|1234|11/29', action: 'allow' }] })).toHaveLength(1);
  });

  it('a card in a file without expiries meets the same card in a file with them, unless its BIN and last 4 show two expiries', () => {
    const card = { cardBin: '45555512', cardLast4: '1234' };
    // A PSP report with BIN and last 4 only, and a Stripe export of the same card with its expiry and fingerprint.
    const psp = customerOrder({ ...card });
    const stripe = customerOrder({ ...card, cardExpiry: '11/29', cardFingerprint: 'fp_lukas_own', source: 'stripe' });
    const met = buildRings([psp, stripe]);
    expect(met.rings.map((r) => r.orderKeys.slice().sort())).toEqual([[psp, stripe].map((o) => orderKey(o)).sort()]);
    expect(met.rings[0]?.keys).toEqual({ card: ['45555512|1234|'] });
    // One card, counted once, though one order names it by expiry and the other cannot.
    expect(met.rings[0]?.metrics.cards).toBe(1);
    expect(met.hubs).toEqual([]);
    // Orders that all have an expiry link by it alone: their BIN and last 4 add nothing, and are not shown.
    const again = customerOrder({ ...card, cardExpiry: '11/29' });
    expect(buildRings([stripe, again]).rings[0]?.keys).toEqual({ card: ['455555|1234|11/29'] });
    // A second expiry on the same BIN and last 4 is a second card: the order without one may be either, so it links to neither.
    const other = customerOrder({ ...card, cardExpiry: '04/31' });
    const apart = buildRings([psp, stripe, other]);
    expect(apart.rings).toEqual([]);
    expect(apart.hubs).toEqual([
      expect.objectContaining({
        type: 'card',
        value: '45555512|1234|',
        reason: 'cards-differ',
        allowed: false,
        why: 'the same BIN and last 4 on 2 cards with different expiry dates: not one card, and the orders that show only BIN and last 4 may be any of them',
      }),
    ]);
    // Two expiries on one BIN and last 4 count as two cards; the analyst may let the value link all the same.
    const allowed = buildRings([psp, stripe, other], [], { overrides: [{ type: 'card', value: '45555512|1234|', action: 'allow' }] });
    expect(allowed.rings[0]?.orderKeys).toHaveLength(3);
    expect(allowed.rings[0]?.metrics.cards).toBe(2);
    // With a 6-digit BIN the value links weakly: only when the analyst lets weak keys link.
    const short = { cardBin: '455555', cardLast4: '1234' };
    const weakPair = [customerOrder({ ...short }), customerOrder({ ...short, cardExpiry: '11/29' })];
    expect(ringsOf(weakPair)).toEqual([]);
    expect(ringsOf(weakPair, { minStrength: 'weak' })).toEqual([weakPair.map((o) => orderKey(o)).sort()]);
    // Adyen's masked PAN keeps 6 BIN digits, a shop's full number 8: the same card meets itself on 6.
    const adyen = customerOrder({ ...short });
    const shop = customerOrder({ ...card, cardExpiry: '11/29' });
    expect(ringsOf([adyen, shop], { minStrength: 'weak' })).toEqual([[adyen, shop].map((o) => orderKey(o)).sort()]);
    // Two cards whose 8 BIN digits differ share the 6: the masked one may be either.
    const sibling = customerOrder({ cardBin: '45555599', cardLast4: '1234' });
    const split = buildRings([adyen, shop, sibling], [], { minStrength: 'weak' });
    expect(split.rings).toEqual([]);
    expect(split.hubs).toEqual([
      expect.objectContaining({
        value: '455555|1234|',
        reason: 'cards-differ',
        why: expect.stringMatching(/^the same BIN and last 4 on 2 cards with different 8-digit BINs: /),
      }),
    ]);
  });

  it("a card-transactions file: one cardholder's orders with and without the expiry are one identity, not a ring", () => {
    const bare = { customerId: '', email: '', shipName: '', cardBin: '45555512', cardLast4: '1234' };
    const first = customerOrder({ ...bare, cardExpiry: '11/29' });
    const second = customerOrder({ ...bare });
    expect(ringsOf([first, second])).toEqual([]);
  });

  it("lists as the ring's shared values only those that join two of its identities, not one member's own repeat orders", () => {
    // Bob and Carla on one device; Carla's two orders also share her e-mail, phone and address.
    const bob = customerOrder({ deviceId: 'device-burst-77' });
    const carlaAt = { email: 'carla.vogt@web.de', phone: '+49 151 2222333', shipStreet: 'Lindenweg 4', shipPostcode: '50667', customerId: 'carla' };
    const carla1 = customerOrder({ ...carlaAt, deviceId: 'device-burst-77' });
    const carla2 = customerOrder({ ...carlaAt });
    const [ring] = buildRings([bob, carla1, carla2]).rings;
    expect(ring?.orderKeys).toHaveLength(3);
    expect(ring?.keys).toEqual({ device: ['device-burst-77'] });
  });

  it('collection points are hubs: reported, not linking, unless allowed', () => {
    const orders = [1, 2, 3].map((i) => customerOrder({ shipStreet: `Packstation 184, 8475231${i}`, shipPostcode: '10115' }));
    const report = buildRings(orders);
    expect(report.rings).toEqual([]);
    expect(report.hubs).toEqual([
      expect.objectContaining({ type: 'address', value: 'DE|10115|packstation|184', customers: 3, reason: 'marked', allowed: false }),
    ]);
    // Held back by its text, with the figures every other hub shows: it said only what it was.
    expect(report.hubs[0]!.evidence).toEqual({ identities: 3, spanDays: 0, burstIdentities: 3, burstDays: 7 });
    expect(report.hubs[0]!.why).toBe('3 identities over 0 days, 3 of them within 7 days: a collection point or forwarder by its address, held back as a hub');
    expect(ringsOf(orders, { overrides: [{ type: 'address', value: 'DE|10115|packstation|184', action: 'allow' }] })).toHaveLength(1);
    // However the station is written, it is that one station, and a hub.
    const spellings = ['Packstation184, 12345671', 'Pack Station 184', 'PACKSTATION 184 84752319'].map((shipStreet) =>
      customerOrder({ shipStreet, shipPostcode: '10115' }),
    );
    const written = buildRings(spellings);
    expect(written.rings).toEqual([]);
    expect(written.hubs).toEqual([expect.objectContaining({ value: 'DE|10115|packstation|184', customers: 3, reason: 'marked' })]);
  });

  it('a value used by more customers than the threshold over a long time is a hub; a short burst is a ring', () => {
    const spread = Array.from({ length: 10 }, (_, i) => customerOrder({ ip: '195.145.73.122', createdAt: i * 30 * DAY }));
    const burst = Array.from({ length: 10 }, (_, i) => customerOrder({ ip: '185.220.1.7', createdAt: i * 3_600_000 }));
    const report = buildRings([...spread, ...burst]);
    expect(report.hubs.map((h) => [h.value, h.reason, h.customers])).toEqual([['195.145.73.122', 'shared-by-many', 10]]);
    // The /24 is a hub too, listed only when weak keys may link.
    expect(buildRings([...spread, ...burst], [], { minStrength: 'weak' }).hubs.map((h) => h.value)).toContain('195.145.73.0/24');
    expect(report.rings.map((r) => r.orders.length)).toEqual([10]);
    expect(report.rings[0]?.keys.ip).toEqual(['185.220.1.7']);
    expect(report.hubs[0]?.why).toBe('10 identities over 270 days, 1 of them within 1 day: steady use by many, held back as a hub');
    // With the span rule off the burst is a hub candidate too, still links (it is a burst) and says why.
    const spanOff = buildRings([...spread, ...burst], [], { hubMinSpanDays: 0 });
    expect(spanOff.rings).toHaveLength(1);
    expect(spanOff.bursts.map((b) => [b.value, b.why])).toEqual([
      ['185.220.1.7', '10 identities over 0 days, 10 of them within 1 day: a burst, linked as a ring'],
    ]);
    // With burst detection off too it is a hub.
    expect(ringsOf([...spread, ...burst], { hubMinSpanDays: 0, hubRules: { ip: { burstShare: 2 } } })).toEqual([]);
    // With a higher threshold neither is a hub candidate.
    expect(ringsOf([...spread, ...burst], { hubThreshold: 10 })).toHaveLength(2);
  });

  it('a device used by 9 accounts, 8 of them within days, is a ring though one use was months earlier; a locker used all year is a hub', () => {
    // The real case: the fixed count + total span rule held this device back as "shared by many".
    const early = customerOrder({ deviceId: 'dev-burst-9', createdAt: 0 });
    const burst = Array.from({ length: 8 }, (_, i) => customerOrder({ deviceId: 'dev-burst-9', createdAt: 120 * DAY + i * 6 * 3_600_000 }));
    const steady = Array.from({ length: 12 }, (_, i) => customerOrder({ deviceId: 'dev-office-proxy', createdAt: i * 25 * DAY }));
    const report = buildRings([early, ...burst, ...steady]);
    expect(report.rings.map((r) => r.orders.length)).toEqual([9]);
    expect(report.hubs.map((h) => [h.value, h.reason])).toEqual([['dev-office-proxy', 'shared-by-many']]);
    expect(report.bursts.map((b) => [b.value, b.evidence.identities, b.evidence.burstIdentities])).toEqual([['dev-burst-9', 9, 8]]);
    // Per key type: a stricter burst share for devices holds it back as well.
    expect(ringsOf([early, ...burst], { hubRules: { device: { burstShare: 0.95 } } })).toEqual([]);
  });

  it('a device in steady use by 12 accounts over 9 months is a hub, unless a quarter of them drew fraud chargebacks', () => {
    // A fraud operation working slowly looks like an office proxy by count and span alone.
    const steady = Array.from({ length: 12 }, (_, i) => customerOrder({ deviceId: 'dev-slow-farm', createdAt: i * 25 * DAY }));
    // One fraud chargeback among 12 users: background fraud, a hub still.
    const one = buildRings(steady, [chargebackOn(steady[0]!)]);
    expect(one.rings).toEqual([]);
    expect(one.hubs[0]?.why).toBe('12 identities over 275 days, 1 of them within 7 days, 1 with known fraud: steady use by many, held back as a hub');
    // Three of 12 (a quarter): linked as a ring, and the bursts list says why.
    const three = buildRings(
      steady,
      [0, 4, 8].map((i) => chargebackOn(steady[i]!)),
    );
    expect(three.rings.map((r) => r.orders.length)).toEqual([12]);
    expect(three.hubs).toEqual([]);
    expect(three.bursts[0]?.why).toBe(
      '12 identities over 275 days, 1 of them within 7 days, 3 with known fraud: steady use, but by too many with known fraud, linked as a ring',
    );
    // Not fraud: consumer disputes, inquiries and fraud reports do not count.
    expect(buildRings(steady, [chargebackOn(steady[0]!, '13.1'), chargebackOn(steady[4]!, '13.1'), chargebackOn(steady[8]!, '13.1')]).rings).toEqual([]);
    expect(
      buildRings(
        steady,
        [0, 4, 8].map((i) => chargebackOn(steady[i]!, '10.4', 'inquiry')),
      ).rings,
    ).toEqual([]);
    // The share is the analyst's: above 1 turns the check off.
    expect(ringsOf(steady, { hubRules: { device: { fraudShare: 2 } } })).toEqual([]);
    expect(
      buildRings(
        steady,
        [0, 4, 8].map((i) => chargebackOn(steady[i]!)),
        { hubRules: { device: { fraudShare: 2 } } },
      ).rings,
    ).toEqual([]);
  });

  it('labelled fraud weighs like fraud chargebacks: a quarter of the accounts on a steady device labelled fraud links it; one, or legit labels, do not', () => {
    const steady = (labelled: number[], outcome = 'fraud') =>
      Array.from({ length: 12 }, (_, i) =>
        customerOrder({ deviceId: 'dev-labelled-farm', createdAt: i * 25 * DAY, ...(labelled.includes(i) ? { knownOutcome: outcome } : {}) }),
      );
    const one = buildRings(steady([0]));
    expect(one.rings).toEqual([]);
    expect(one.hubs[0]?.why).toBe('12 identities over 275 days, 1 of them within 7 days, 1 with known fraud: steady use by many, held back as a hub');
    const three = buildRings(steady([0, 4, 8]));
    expect(three.rings.map((r) => r.orders.length)).toEqual([12]);
    expect(three.bursts[0]?.why).toBe(
      '12 identities over 275 days, 1 of them within 7 days, 3 with known fraud: steady use, but by too many with known fraud, linked as a ring',
    );
    expect(buildRings(steady([0, 4, 8], 'legit')).rings).toEqual([]);
    // Labels and chargebacks add up, by identity: two labelled and one charged back are three.
    const mixed = steady([0, 4]);
    expect(buildRings(mixed).rings).toEqual([]);
    expect(buildRings(mixed, [chargebackOn(mixed[8]!)]).rings.map((r) => r.orders.length)).toEqual([12]);
    // The same order labelled and charged back is one identity, not two: two identities, a hub still.
    const both = steady([0, 8]);
    expect(buildRings(both, [chargebackOn(both[8]!)]).rings).toEqual([]);
    expect(buildRings(both, [chargebackOn(both[4]!)]).rings.map((r) => r.orders.length)).toEqual([12]);
  });

  it('never-link splits a ring at that value', () => {
    const a = customerOrder({ deviceId: 'device-shared-1' });
    const b = customerOrder({ deviceId: 'device-shared-1', cardFingerprint: 'FP-XYZ-1' });
    const c = customerOrder({ cardFingerprint: 'FP-XYZ-1' });
    expect(ringsOf([a, b, c]).map((r) => r.length)).toEqual([3]);
    expect(ringsOf([a, b, c], { overrides: [{ type: 'device', value: 'device-shared-1', action: 'never-link' }] }).map((r) => r.length)).toEqual([2]);
  });

  it('key types and minimum strength choose what links', () => {
    const a = customerOrder({ ip: '91.51.148.95', phone: '0170 5550001' });
    const b = customerOrder({ ip: '91.51.148.200' });
    const c = customerOrder({ phone: '+49 170 5550001' });
    expect(ringsOf([a, b, c]).map((r) => r.length)).toEqual([2]);
    expect(ringsOf([a, b, c], { minStrength: 'weak' }).map((r) => r.length)).toEqual([3]);
    expect(ringsOf([a, b, c], { keyTypes: ['ip'], minStrength: 'weak' }).map((r) => r.length)).toEqual([2]);
    expect(ringsOf([a, b, c], { keyTypes: ['card'] })).toEqual([]);
  });

  it('exports the linked pairs for an outside baseline, hubs left out', () => {
    const orders = [
      customerOrder({ deviceId: 'device-e-1' }),
      customerOrder({ deviceId: 'device-e-1' }),
      customerOrder({ deviceId: 'device-e-1' }),
      customerOrder({ shipStreet: 'Packstation 9, 12345678', shipPostcode: '10115' }),
      customerOrder({ shipStreet: 'Packstation 9, 87654321', shipPostcode: '10115' }),
    ];
    expect([...linkEdges(buildKeyIndex(orders))]).toEqual([0, 1, 0, 2]);
  });

  it('re-links from a kept index without re-reading orders', () => {
    const orders = [customerOrder({ deviceId: 'device-k-1' }), customerOrder({ deviceId: 'device-k-1' })];
    const index = buildKeyIndex(orders);
    const keys = orders.map((o) => `${o.source}:${o.externalId}`);
    expect(findRings(index, keys).rings).toHaveLength(1);
    expect(findRings(index, keys, { keyTypes: ['email'] }).rings).toHaveLength(0);
  });
});

describe('KeyIndexBuilder', () => {
  const demo = generateDemoAll({ orders: 3000, seed: 11, now: Date.UTC(2026, 10, 1) });
  const keyOf = (orders: readonly Order[]) => (i: number) => orderKey(orders[i] as Order);
  const ringSets = (orders: readonly Order[], index: ReturnType<typeof buildKeyIndex>) =>
    buildRings(orders, [], {}, index)
      .rings.map((r) => r.orderKeys.slice().sort().join(' '))
      .sort();

  it('orders added in batches (one per import) link exactly as one full build', () => {
    const builder = new KeyIndexBuilder();
    for (let at = 0; at < demo.orders.length; at += 700) builder.add(demo.orders.slice(at, at + 700));
    const incremental = ringSets(demo.orders, builder.index());
    expect(incremental.length).toBeGreaterThan(2);
    expect(incremental).toEqual(ringSets(demo.orders, buildKeyIndex(demo.orders)));
  });

  it('a superseded version joins no customers: an e-mail corrected on re-import leaves two buyers two identities', () => {
    // Bea's order first came with Ada's e-mail (a typo); the shop's next export corrects it. Both
    // used one device within the hour: two people, a ring, once the old version is superseded.
    const ada = customerOrder({ customerId: '', email: 'ada@example.org', shipName: 'Ada Alt', deviceId: 'dev-pair', createdAt: 1_000 });
    const beaTypo = customerOrder({ customerId: 'bea-7', email: 'ada@example.org', shipName: 'Bea Bold', deviceId: 'dev-pair', createdAt: 2_000 });
    const beaFixed = { ...beaTypo, email: 'bea@example.org' };
    const builder = new KeyIndexBuilder();
    builder.add([ada, beaTypo, beaFixed]);
    const live = Uint8Array.from([1, 0, 1]);
    const index = builder.index(live);
    expect(index.customerOf[0]).not.toBe(index.customerOf[2]);
    const rings = findRings(index, keyOf([ada, beaTypo, beaFixed])).rings;
    expect(rings.map((r) => r.orders)).toEqual([[0, 2]]);
    // With the typo current (nothing superseded yet), both versions are one customer with Ada: no ring.
    expect(findRings(builder.index(), keyOf([ada, beaTypo, beaFixed])).rings).toEqual([]);
    // Kept and restored, the customers are as counted over the orders current then.
    const restored = KeyIndexBuilder.restore(structuredClone(builder.state(live)), Float64Array.from([1_000, 2_000, 2_000, 3_000]));
    expect(Array.from(restored.index(live).customerOf)).toEqual(Array.from(index.customerOf));
    // Restored, then extended by an import that supersedes Ada's order with a version that has
    // Bea's account: counted again over what is current, as a builder that never stopped counts.
    restored.attachText(structuredClone(builder.text()!));
    restored.attachCustomers(structuredClone(builder.customers()!));
    const adaMoved = { ...ada, customerId: 'bea-7', createdAt: 3_000 };
    restored.add([adaMoved]);
    const whole = new KeyIndexBuilder();
    whole.add([ada, beaTypo, beaFixed, adaMoved]);
    const liveAfter = Uint8Array.from([0, 0, 1, 1]);
    expect(Array.from(restored.index(liveAfter).customerOf)).toEqual(Array.from(whole.index(liveAfter).customerOf));
    expect(restored.index(liveAfter).customerOf[3]).toBe(2);
    // Customers of another index's orders are refused, not attached.
    const other = KeyIndexBuilder.restore(structuredClone(builder.state(live)), Float64Array.from([1_000, 2_000, 2_000]));
    expect(() => other.attachCustomers(structuredClone(whole.customers()!))).toThrow(/customers of 4 orders, the index has 3/);
  });

  it('orders flagged not live (superseded or undone) link nothing, as if never added', () => {
    const ring = buildRings(demo.orders, []).rings[0]!;
    const dropped = new Set(ring.orders.slice(1));
    const live = new Uint8Array(demo.orders.length).fill(1);
    for (const i of dropped) live[i] = 0;
    const builder = new KeyIndexBuilder();
    builder.add(demo.orders);
    const masked = findRings(builder.index(live), keyOf(demo.orders))
      .rings.map((r) =>
        r.orders
          .map((i) => orderKey(demo.orders[i]!))
          .sort()
          .join(' '),
      )
      .sort();
    const kept = demo.orders.filter((_, i) => !dropped.has(i));
    expect(masked).toEqual(ringSets(kept, buildKeyIndex(kept)));
    expect(masked.some((r) => r.includes(orderKey(demo.orders[ring.orders[1]!]!)))).toBe(false);
  });
});

describe('ringName', () => {
  it("names the ring by its first order as the decision log's Order column does, never by the cache's source slug", () => {
    expect(ringName('ring:shopify:#12649')).toBe('ring of #12649');
    expect(ringName('ring:amazon.de:302-4354104-3949751')).toBe('ring of 302-4354104-3949751');
    // Two shops' #1001 stay two names.
    expect(ringName('ring:shopify@outlet:#1001')).toBe('ring of #1001 · outlet');
    expect(ringName('ring:shopify:#1001')).not.toBe(ringName('ring:shopify@outlet:#1001'));
  });
});
