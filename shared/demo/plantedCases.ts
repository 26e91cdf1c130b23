// A second generator for ring quality, of shapes the demo year has few of: device bursts, card
// testing (many small orders, many cards, one device or IP, no accounts), steady hubs used by many
// for months, and repeat customers with and without accounts. Each order knows what it is, so
// precision and recall of the linker can be measured (shared/linking/quality.ts).
import type { Order } from '../domain/order';
import { HEX, rngFor, type Rng } from './prng';
import type { PlantedHub, PlantedRing } from './types';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface PlantedCases {
  orders: Order[];
  /** Groups that are fraud rings and should come out as one ring each. */
  rings: PlantedRing[];
  /** Values shared by many honest people: their orders must not be linked through them. */
  hubs: PlantedHub[];
}

interface Builder {
  rng: Rng;
  next: number;
  now: number;
  orders: Order[];
}

function blank(b: Builder, fields: Partial<Order>): Order {
  const n = ++b.next;
  return {
    externalId: `#P${n}`,
    source: 'planted',
    marketplace: 'shop',
    status: 'paid',
    currency: 'EUR',
    totalMinor: 2000 + b.rng.int(20_000),
    createdAt: b.now - b.rng.int(300) * DAY,
    customerId: '',
    email: '',
    phone: '',
    shipName: '',
    shipStreet: '',
    shipPostcode: '',
    shipCity: '',
    shipCountry: 'DE',
    billCountry: 'DE',
    ip: '',
    deviceId: '',
    cardBin: '',
    cardLast4: '',
    cardExpiry: '',
    cardFingerprint: '',
    cardBrand: '',
    paymentMethod: 'card',
    ...fields,
  };
}

const id = (b: Builder, prefix: string) => `${prefix}-${b.rng.chars(HEX, 12)}`;
const postcode = (b: Builder) => String(10_000 + b.rng.int(89_999));
const fourDigits = (b: Builder) => String(b.rng.int(10_000)).padStart(4, '0');
// Issuers vary: a fixed BIN would make BIN + last 4 + expiry collide by chance among a few hundred cards.
const bin = (b: Builder) => String(400_000 + b.rng.int(100_000));

/** A person with an account: their own e-mail, name, address, card and device. */
function person(b: Builder, n: number): Partial<Order> {
  return {
    customerId: id(b, 'cus'),
    email: `person${b.next}-${n}@example.org`,
    shipName: `Kunde${b.next} Nummer${n}`,
    shipStreet: `Lindenweg ${1 + b.rng.int(200)}`,
    shipPostcode: postcode(b),
    shipCity: 'Köln',
    cardBin: bin(b),
    cardLast4: fourDigits(b),
    cardExpiry: `0${1 + b.rng.int(9)}/2${7 + b.rng.int(3)}`,
    deviceId: id(b, 'dev'),
    ip: `100.${64 + b.rng.int(64)}.${b.rng.int(256)}.${1 + b.rng.int(254)}`,
  };
}

export function generatePlantedCases(seed: number, now: number, scale = 1): PlantedCases {
  const b: Builder = { rng: rngFor(seed, 0x91a7, 0), next: 0, now, orders: [] };
  const rings: PlantedRing[] = [];
  const hubs: PlantedHub[] = [];
  const plant = (kind: string, orders: Order[]) => {
    b.orders.push(...orders);
    rings.push({ id: `planted-${rings.length + 1}`, kind, orderKeys: orders.map((o) => `${o.source}:${o.externalId}`) });
  };
  for (let k = 0; k < 8 * scale; k++) {
    // Device burst: 5-12 accounts on one device within two days, whatever the count.
    const device = id(b, 'dev');
    const start = now - (30 + b.rng.int(200)) * DAY;
    plant(
      'device-burst',
      Array.from({ length: 5 + b.rng.int(8) }, (_, i) => blank(b, { ...person(b, i), deviceId: device, createdAt: start + b.rng.int(48) * HOUR })),
    );
  }
  for (let k = 0; k < 8 * scale; k++) {
    // Card testing: 10-30 small orders, each with another card, from one device or IP within hours; no accounts.
    const shared = b.rng.chance(0.5) ? { deviceId: id(b, 'dev') } : { ip: `198.51.${100 + b.rng.int(100)}.${1 + b.rng.int(254)}` };
    const start = now - (10 + b.rng.int(250)) * DAY;
    plant(
      'card-testing',
      Array.from({ length: 10 + b.rng.int(21) }, () =>
        blank(b, {
          ...shared,
          totalMinor: 100 + b.rng.int(400),
          cardBin: bin(b),
          cardLast4: fourDigits(b),
          cardExpiry: '12/28',
          createdAt: start + b.rng.int(6 * 60) * 60_000,
        }),
      ),
    );
  }
  for (let k = 0; k < 6 * scale; k++) {
    // Steady hub: 20-40 honest people use one locker or office IP, spread over 6-12 months.
    const packstation = b.rng.chance(0.5);
    const value = packstation
      ? { shipStreet: `Packstation ${100 + b.rng.int(800)}`, shipPostcode: postcode(b), shipCity: 'Berlin' }
      : { ip: `192.0.2.${b.rng.int(255)}` };
    const span = (180 + b.rng.int(180)) * DAY;
    const orders = Array.from({ length: 20 + b.rng.int(21) }, (_, i) => blank(b, { ...person(b, i), ...value, createdAt: now - b.rng.int(span) }));
    b.orders.push(...orders);
    hubs.push({
      kind: packstation ? 'packstation' : 'corporate-proxy-ip',
      keyType: packstation ? 'address' : 'ip',
      value: JSON.stringify(value),
      orderKeys: orders.map((o) => `planted:${o.externalId}`),
    });
  }
  for (let k = 0; k < 40 * scale; k++) {
    // Repeat customers: 2-8 orders of one person over months; half have no account or e-mail (card transactions).
    const p = person(b, k);
    const anonymous = b.rng.chance(0.5) ? { customerId: '', email: '', shipName: '' } : {};
    b.orders.push(...Array.from({ length: 2 + b.rng.int(7) }, () => blank(b, { ...p, ...anonymous })));
  }
  for (let k = 0; k < 300 * scale; k++) b.orders.push(blank(b, person(b, k)));
  return { orders: b.orders, rings, hubs };
}
