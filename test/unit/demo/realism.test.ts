import { describe, expect, it } from 'vitest';
import { orderKey, type Order } from '../../../shared/domain/order';
import { DAY, NOW, demo10k, linkKeys, median } from './fixture';

const berlin = (t: number): Date => new Date(t + 3_600_000); // CET is close enough for day/hour buckets
const share = (orders: Order[], f: (o: Order) => boolean): number => orders.filter(f).length / orders.length;

describe('demo data: looks like a year of a German multi-channel seller', () => {
  const demo = demo10k();
  const { orders } = demo;

  it('splits orders roughly Amazon 50%, Zalando 25%, own shop 25%', () => {
    expect(share(orders, (o) => o.marketplace === 'amazon')).toBeGreaterThan(0.44);
    expect(share(orders, (o) => o.marketplace === 'amazon')).toBeLessThan(0.56);
    expect(share(orders, (o) => o.marketplace === 'zalando')).toBeGreaterThan(0.19);
    expect(share(orders, (o) => o.marketplace === 'shop')).toBeGreaterThan(0.19);
  });

  it('has evening peaks, a strong Sunday, Black Friday and a quiet Christmas Eve', () => {
    const byHour = Array(24).fill(0);
    const byWeekday = Array(7).fill(0);
    const byDay = new Map<string, number>();
    for (const o of orders) {
      const d = berlin(o.createdAt);
      byHour[d.getUTCHours()]++;
      byWeekday[d.getUTCDay()]++;
      const day = d.toISOString().slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    expect(byHour[20]).toBeGreaterThan(5 * byHour[4]);
    expect(byWeekday[0]).toBeGreaterThan(1.15 * byWeekday[6]);
    const typical = median([...byDay.values()]);
    expect(byDay.get('2024-11-29')).toBeGreaterThan(2.5 * typical); // Black Friday 2024
    expect(byDay.get('2024-12-24') ?? 0).toBeLessThan(0.7 * typical);
    const avg = (prefix: string) => {
      const days = [...byDay.entries()].filter(([d]) => d.startsWith(prefix));
      return days.reduce((s, [, n]) => s + n, 0) / days.length;
    };
    expect(avg('2024-12-1')).toBeGreaterThan(1.2 * avg('2025-09'));
  });

  it('leaves fresh orders open or paid and settles old ones', () => {
    expect(share(orders, (o) => o.status === 'fulfilled')).toBeGreaterThan(0.7);
    const fresh = orders.filter((o) => NOW - o.createdAt < DAY);
    expect(share(fresh, (o) => o.status === 'open' || o.status === 'paid')).toBeGreaterThan(0.6);
    const old = orders.filter((o) => NOW - o.createdAt > 30 * DAY);
    expect(old.some((o) => o.status === 'open' || o.status === 'paid')).toBe(false);
    for (const status of ['cancelled', 'refunded'] as const) expect(share(old, (o) => o.status === status)).toBeGreaterThan(0.02);
    const returns = (m: Order['marketplace']) =>
      share(
        old.filter((o) => o.marketplace === m),
        (o) => o.status === 'refunded',
      );
    expect(returns('zalando')).toBeGreaterThan(2 * returns('amazon'));
  });

  it('prices in EUR (some PLN for Polish shop customers) at shop price points', () => {
    expect(share(orders, (o) => o.currency === 'EUR')).toBeGreaterThan(0.9);
    for (const o of orders.filter((x) => x.currency === 'PLN')) expect([o.marketplace, o.shipCountry]).toEqual(['shop', 'PL']);
    expect(orders.some((o) => o.currency === 'PLN')).toBe(true);
    const eur = orders.filter((o) => o.currency === 'EUR').map((o) => o.totalMinor);
    expect(Math.min(...eur)).toBeGreaterThanOrEqual(1500);
    expect(Math.max(...eur)).toBeLessThanOrEqual(60000);
    expect(median(eur)).toBeGreaterThan(3000);
    expect(median(eur)).toBeLessThan(9000);
    expect(share(orders, (o) => [99, 95, 90, 0, 49, 94].includes(o.totalMinor % 100))).toBeGreaterThan(0.6);
  });

  it('has repeat customers, but most people order once or twice', () => {
    const perCustomer = new Map<string, number>();
    for (const o of orders.filter((x) => x.marketplace === 'zalando')) perCustomer.set(o.customerId, (perCustomer.get(o.customerId) ?? 0) + 1);
    const counts = [...perCustomer.values()];
    const repeat = counts.filter((n) => n >= 2).length / counts.length;
    expect(repeat).toBeGreaterThan(0.08);
    expect(repeat).toBeLessThan(0.5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
  });

  it('ships mostly within Germany, with Austria, the Netherlands, Poland and France, in local formats', () => {
    const withAddress = orders.filter((o) => o.shipStreet !== '');
    expect(share(orders, (o) => o.shipCountry === 'DE')).toBeGreaterThan(0.55);
    const postcode: Record<string, RegExp> = { DE: /^\d{5}$/, AT: /^\d{4}$/, NL: /^\d{4} [A-Z]{2}$/, PL: /^\d{2}-\d{3}$/, FR: /^\d{5}$/ };
    for (const c of Object.keys(postcode)) expect(share(orders, (o) => o.shipCountry === c)).toBeGreaterThan(c === 'DE' ? 0.5 : 0.02);
    for (const o of orders) expect(o.shipPostcode.trim()).toMatch(postcode[o.shipCountry] as RegExp);
    expect(withAddress.filter((o) => o.shipCountry === 'PL').some((o) => /^ul\. .+ \d+\/\d+$/.test(o.shipStreet))).toBe(true);
    expect(withAddress.filter((o) => o.shipCountry === 'FR').every((o) => /^\d/.test(o.shipStreet))).toBe(true);
    const amazon = orders.filter((o) => o.marketplace === 'amazon');
    expect(share(amazon, (o) => o.shipStreet === '')).toBeGreaterThan(0.15); // FBA rows carry town and postcode only
  });

  it('uses the common mail providers and many phone notations', () => {
    const domains = new Set(orders.map((o) => o.email.split('@')[1]).filter(Boolean));
    for (const d of ['gmail.com', 'googlemail.com', 'gmx.de', 'web.de', 't-online.de', 'outlook.com', 'yahoo.com', 'icloud.com']) {
      expect(domains, d).toContain(d);
    }
    const shapes = new Set(orders.filter((o) => o.shipCountry === 'DE' && o.phone).map((o) => o.phone.replace(/\d/g, '9').replace(/9+/g, '9')));
    expect(shapes.size).toBeGreaterThanOrEqual(6);
    const shop = orders.filter((o) => o.marketplace === 'shop');
    expect(share(shop, (o) => o.ip.includes(':'))).toBeGreaterThan(0.05);
    expect(share(shop, (o) => o.ip.includes(':'))).toBeLessThan(0.3);
  });

  it('never links unrelated people by accident: shared keys come from one person or from planted truth', () => {
    const planted = new Set([...demo.truth.rings, ...demo.truth.hubs].flatMap((x) => x.orderKeys));
    const people = new Map<string, Set<string>>();
    for (const o of orders) {
      if (planted.has(orderKey(o))) continue;
      for (const k of linkKeys(o)) {
        const names = people.get(k) ?? new Set<string>();
        names.add(o.shipName.toLowerCase());
        people.set(k, names);
      }
    }
    const accidental = [...people.entries()].filter(([, names]) => names.size > 1);
    expect(accidental).toEqual([]);
  });
});
