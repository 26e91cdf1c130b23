import { describe, expect, it } from 'vitest';
import { orderKey, type Order } from '../../../shared/domain/order';
import { DAY, addressKey, demo10k, mailbox, median, ordersByKey, phoneDigits } from './fixture';

const distinct = <T>(values: T[]): number => new Set(values).size;

/** Connected components over the given link keys (plain union-find). */
function components(members: Order[], keys: (o: Order) => string[]): number {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const owner = new Map<string, number>();
  members.forEach((o, i) => {
    for (const k of keys(o)) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  return distinct(members.map((_, i) => find(i)));
}

const linkKeys = (o: Order): string[] =>
  [
    o.cardFingerprint && `card:${o.cardFingerprint}`,
    o.deviceId && `device:${o.deviceId}`,
    o.shipStreet && `address:${addressKey(o)}`,
    o.email && `email:${mailbox(o.email)}`,
    o.phone && `phone:${phoneDigits(o.phone, 'DE')}`,
  ].filter((k): k is string => Boolean(k));

describe('demo truth: planted rings', () => {
  const demo = demo10k();
  const byKey = ordersByKey(demo);
  const rings = demo.truth.rings.map((r) => ({ ...r, orders: r.orderKeys.map((k) => byKey.get(k) as Order) }));

  it('plants about one ring per thousand orders, of every kind, 3-40 orders each', () => {
    expect(rings.length).toBeGreaterThanOrEqual(8);
    expect(rings.length).toBeLessThanOrEqual(12);
    expect(new Set(rings.map((r) => r.kind))).toEqual(
      new Set(['shared-card', 'shared-device', 'address-variants', 'email-variants', 'phone-variants', 'mixed']),
    );
    for (const r of rings) {
      expect(r.orders.every(Boolean), r.id).toBe(true);
      expect(r.orders.length).toBeGreaterThanOrEqual(3);
      expect(r.orders.length).toBeLessThanOrEqual(40);
    }
  });

  it('hides each ring behind different names, but one linking key ties it together', () => {
    for (const r of rings) {
      const o = r.orders;
      expect(distinct(o.map((x) => x.shipName.toLowerCase())), r.id).toBeGreaterThan(1);
      switch (r.kind) {
        case 'shared-card':
          expect(distinct(o.map((x) => x.cardFingerprint))).toBe(1);
          expect(distinct(o.map((x) => mailbox(x.email)))).toBe(o.length);
          expect(distinct(o.map(addressKey))).toBeGreaterThan(1);
          break;
        case 'shared-device':
          expect(distinct(o.map((x) => x.deviceId))).toBe(1);
          expect(distinct(o.map((x) => x.cardFingerprint))).toBe(o.length);
          break;
        case 'address-variants':
          expect(distinct(o.map(addressKey))).toBe(1);
          expect(distinct(o.map((x) => x.shipStreet))).toBeGreaterThanOrEqual(2);
          break;
        case 'email-variants':
          expect(distinct(o.map((x) => mailbox(x.email)))).toBe(1);
          expect(distinct(o.map((x) => x.email))).toBeGreaterThanOrEqual(2);
          expect(o.every((x) => x.marketplace !== 'amazon')).toBe(true);
          break;
        case 'phone-variants':
          expect(distinct(o.map((x) => phoneDigits(x.phone)))).toBe(1);
          expect(distinct(o.map((x) => x.phone))).toBeGreaterThanOrEqual(2);
          break;
        case 'mixed': {
          expect(components(o, linkKeys)).toBe(1);
          // No single key type covers the ring: each one alone leaves it in pieces.
          for (const type of ['card', 'device', 'address', 'email', 'phone']) {
            expect(
              components(o, (x) => linkKeys(x).filter((k) => k.startsWith(type))),
              `${r.id} ${type}`,
            ).toBeGreaterThan(1);
          }
          break;
        }
        default:
          throw new Error(`unknown ring kind ${r.kind}`);
      }
    }
  });

  it('spreads rings across channels where the shared key allows it', () => {
    const crossChannel = rings.filter((r) => ['address-variants', 'phone-variants', 'email-variants'].includes(r.kind) && r.orders.length >= 4);
    expect(crossChannel.length).toBeGreaterThan(0);
    for (const r of crossChannel) expect(distinct(r.orders.map((o) => o.marketplace)), r.id).toBeGreaterThanOrEqual(2);
    for (const r of rings.filter((x) => x.kind === 'shared-card' || x.kind === 'shared-device')) {
      expect(r.orders.every((o) => o.marketplace === 'shop')).toBe(true);
    }
  });

  it('buys fast and expensive: a burst within weeks, resellable basket values', () => {
    for (const r of rings) {
      const times = r.orders.map((o) => o.createdAt).sort((a, b) => a - b);
      expect(times.at(-1)! - times[0]!, r.id).toBeLessThanOrEqual(45 * DAY);
    }
    const big = rings.filter((r) => r.orders.length >= 6);
    const bursty = big.filter((r) => {
      const t = r.orders.map((o) => o.createdAt).sort((a, b) => a - b);
      return t.some((start) => t.filter((x) => x >= start && x < start + 3 * DAY).length >= Math.ceil(t.length * 0.4));
    });
    expect(bursty.length).toBeGreaterThanOrEqual(Math.ceil(big.length * 0.7));
    const ringEur = rings
      .flatMap((r) => r.orders)
      .filter((o) => o.currency === 'EUR')
      .map((o) => o.totalMinor);
    const allEur = demo.orders.filter((o) => o.currency === 'EUR').map((o) => o.totalMinor);
    expect(median(ringEur)).toBeGreaterThan(2.5 * median(allEur));
  });

  it('draws fraud chargebacks on ring card orders far more often than on ordinary ones', () => {
    const ringKeys = new Set(demo.truth.rings.flatMap((r) => r.orderKeys));
    const ringCard = demo.orders.filter((o) => o.marketplace === 'shop' && ringKeys.has(orderKey(o)));
    const disputed = new Set(demo.disputes.map((d) => d.orderKey));
    const rate = (os: Order[]) => os.filter((o) => disputed.has(orderKey(o))).length / os.length;
    const others = demo.orders.filter((o) => o.marketplace === 'shop' && !ringKeys.has(orderKey(o)));
    expect(rate(ringCard)).toBeGreaterThan(5 * rate(others));
  });
});

describe('demo truth: benign hubs', () => {
  const demo = demo10k();
  const byKey = ordersByKey(demo);

  it('has a Packstation, a Postfiliale, a corporate proxy IP and a forwarding warehouse', () => {
    expect(demo.truth.hubs.map((h) => h.kind).sort()).toEqual(['corporate-proxy-ip', 'marketplace-warehouse', 'packstation', 'postfiliale']);
  });

  it('shares each hub between many unrelated customers, and the orders really carry it', () => {
    for (const hub of demo.truth.hubs) {
      const orders = hub.orderKeys.map((k) => byKey.get(k) as Order);
      const people = new Set(orders.map((o) => o.shipName.replace(/ KD-\d+$/, '').toLowerCase()));
      expect(people.size, hub.kind).toBeGreaterThan(20);
      if (hub.keyType === 'ip') {
        expect(orders.every((o) => o.ip === hub.value)).toBe(true);
        expect(new Set(orders.map((o) => o.customerId)).size).toBeGreaterThan(20);
      } else {
        const [line, place] = hub.value.split(', ') as [string, string];
        const [no] = line.match(/\d+$/) as RegExpMatchArray;
        const facility = line.replace(/\s*\d+$/, '').replace(/straße$/, 'str');
        for (const o of orders) {
          expect(`${o.shipPostcode} ${o.shipCity}`).toBe(place);
          expect(o.shipStreet.toLowerCase()).toContain(facility.toLowerCase());
          expect(o.shipStreet).toMatch(new RegExp(`\\b${no}\\b`));
        }
      }
    }
  });

  it('routes members of two different rings through the Packstation, so only hub suppression keeps them apart', () => {
    const station = demo.truth.hubs.find((h) => h.kind === 'packstation')!;
    const onStation = new Set(station.orderKeys);
    const ringsOnStation = demo.truth.rings.filter((r) => r.orderKeys.some((k) => onStation.has(k)));
    expect(ringsOnStation.length).toBeGreaterThanOrEqual(2);
  });
});
