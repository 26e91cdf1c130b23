// Benign hubs: values shared by many unrelated customers (a DHL Packstation and a post office
// with each customer's Postnummer, a company's proxy IP, a parcel forwarder near the Swiss
// border). A linker that merges on them would glue half the customer base together.

import type { Marketplace } from '../domain/order';
import { YEAR_DAYS, DAY_MS } from './calendar';
import type { Person } from './identity';
import { formatPhone, phoneFormatFor, panSafePhone } from './phones';
import type { Planner, PlannedOrder } from './plan';
import { hash3, type Rng } from './prng';
import type { HubKeyType } from './types';

export interface HubPlan {
  kind: string;
  keyType: HubKeyType;
  value: string;
  /** Order positions using the hub. */
  members: number[];
  /** Shipping fields (address hubs) or the shared IP for a customer. */
  fields: (p: Person, rng: Rng) => Partial<PlannedOrder>;
  channels: readonly Marketplace[];
  customers: number;
  accept?: (p: Person) => boolean;
}

/** DHL needs the customer's Postnummer with every Packstation or Postfiliale delivery. */
function postnummer(p: Person): string {
  return String(10_000_000 + (hash3(p.key, 0x7057, 0x6e72) % 90_000_000));
}

/** One customer's way of writing a DHL pickup address (Postnummer placement varies). */
export function dhlStreet(kind: 'Packstation' | 'Postfiliale', no: number, p: Person): string {
  const nr = postnummer(p);
  switch (hash3(p.key, no, 0x5157) % 5) {
    case 0:
      return `${kind} ${no}, ${nr}`;
    case 1:
      return `${nr}, ${kind} ${no}`;
    case 2:
      return `${kind} ${no} - ${nr}`;
    case 3:
      return `${kind.toUpperCase()} ${no} ${nr}`;
    default:
      return `${kind} Nr. ${no}, Postnummer ${nr}`;
  }
}

export function planHubs(planner: Planner, rng: Rng): HubPlan[] {
  const n = planner.orders;
  const perHub = Math.max(12, Math.min(45 + Math.floor(n / 2000), Math.floor(n / 80)));
  const station = { no: rng.range(101, 299), postcode: '10115', city: 'Berlin' };
  const filiale = { no: rng.range(501, 699), postcode: '80331', city: 'München' };
  const proxyIp = `195.145.${rng.range(16, 250)}.${rng.range(2, 250)}`;
  const forwarder = { street: 'Industriestraße 9', postcode: '78467', city: 'Konstanz' };
  const german = (p: Person): boolean => p.country === 'DE';
  const anywhere: readonly Marketplace[] = ['amazon', 'amazon', 'zalando', 'shop', 'shop'];
  const hubs: HubPlan[] = [
    {
      kind: 'packstation',
      keyType: 'address',
      value: `Packstation ${station.no}, ${station.postcode} ${station.city}`,
      members: [],
      fields: (p) => ({ street: dhlStreet('Packstation', station.no, p), postcode: station.postcode, city: station.city, shipCountry: 'DE' }),
      channels: anywhere,
      customers: perHub,
      accept: german,
    },
    {
      kind: 'postfiliale',
      keyType: 'address',
      value: `Postfiliale ${filiale.no}, ${filiale.postcode} ${filiale.city}`,
      members: [],
      fields: (p) => ({ street: dhlStreet('Postfiliale', filiale.no, p), postcode: filiale.postcode, city: filiale.city, shipCountry: 'DE' }),
      channels: anywhere,
      customers: Math.round(perHub * 0.7),
      accept: german,
    },
    {
      kind: 'corporate-proxy-ip',
      keyType: 'ip',
      value: proxyIp,
      members: [],
      fields: () => ({ ip: proxyIp }),
      channels: ['shop'],
      customers: perHub,
      accept: german,
    },
    {
      kind: 'marketplace-warehouse',
      keyType: 'address',
      value: `${forwarder.street}, ${forwarder.postcode} ${forwarder.city}`,
      members: [],
      // Swiss shoppers use a German forwarding address; the forwarder's customer number goes in the name line.
      fields: (p, r) => ({
        street: r.chance(0.8) ? forwarder.street : 'Industriestr. 9',
        postcode: forwarder.postcode,
        city: forwarder.city,
        shipCountry: 'DE',
        billCountry: 'CH',
        shipName: `${p.first} ${p.last} KD-${String((hash3(p.key, 0xc4, 0x11) % 90000) + 10000)}`,
        phone: formatPhone(panSafePhone('CH', hash3(p.key, 1, 2), String(p.key % 10_000_000).padStart(7, '0')), phoneFormatFor('shop', r.float())),
      }),
      channels: anywhere,
      customers: Math.round(perHub * 0.8),
      accept: (p) => p.country === 'DE' || p.country === 'FR',
    },
  ];
  hubs.forEach((hub, h) => {
    for (let c = 0; c < hub.customers && planner.budget > 3; c++) {
      const person = planner.person(hub.accept);
      const orders = rng.weighted([1, 2, 3], [55, 30, 15]);
      for (let k = 0; k < orders; k++) {
        const marketplace = rng.pick(hub.channels);
        const t = planner.cal.start + rng.float() * YEAR_DAYS * DAY_MS;
        const fields = hub.fields(person, rng);
        const currency = fields.billCountry === 'CH' && marketplace === 'shop' && rng.chance(0.5) ? 'CHF' : undefined;
        const planned: PlannedOrder = {
          person: person.index,
          marketplace,
          value: 'normal',
          fraud: false,
          hubs: [h],
          ...fields,
          ...(currency ? { currency } : {}),
        };
        hub.members.push(planner.place(t, rng, planned));
      }
    }
  });
  return hubs;
}
