// Planted fraud rings: groups of orders placed by seemingly different people that share a card,
// a device, a drop address, a gmail mailbox or a phone, written with the variations real
// fraudsters (and real typing) produce. Each ring shops in a burst of a few days within weeks.

import type { Marketplace } from '../domain/order';
import { DAY_MS, YEAR_DAYS } from './calendar';
import { FOREIGN_CARD_COUNTRIES, type CardSpace, type Card } from './cards';
import { NetworkSpace } from './network';
import { formatPhone, reservedPhone, PHONE_FORMATS, type Phone } from './phones';
import type { Planner, PlannedOrder } from './plan';
import { HEX, type Rng } from './prng';
import type { RingKind } from './types';
import {
  ADDRESS_VARIANTS,
  EMAIL_VARIANTS,
  cityVariant,
  dropAddress,
  gmailVariant,
  nameVariant,
  pickVariantOrder,
  streetVariant,
  type DropAddress,
} from './variants';

export const RING_KINDS: readonly RingKind[] = ['shared-card', 'shared-device', 'address-variants', 'email-variants', 'phone-variants', 'mixed'];
const KIND_WEIGHTS = [22, 15, 20, 13, 12, 18];

type LinkType = 'card' | 'device' | 'address' | 'email' | 'phone';

export interface RingPlan {
  id: string;
  kind: RingKind;
  /** Order positions of the members. */
  members: number[];
}

/** Counters that keep shared values distinct between rings. */
export interface RingTools {
  cards: CardSpace;
  network: NetworkSpace;
  nextDraw: () => number;
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function ringSize(rng: Rng, cap: number): number {
  const size = rng.chance(0.08) ? rng.range(20, 40) : 3 + Math.floor(-Math.log(1 - rng.float()) * 6);
  return Math.max(3, Math.min(cap, size));
}

/** Member times: a burst of one to three days holding most orders, the rest spread over weeks. */
function memberTimes(rng: Rng, start: number, count: number): number[] {
  const spanDays = 3 + Math.floor(35 * rng.float() ** 2);
  const first = start + rng.int(Math.max(1, YEAR_DAYS - spanDays - 2)) * DAY_MS + rng.int(DAY_MS);
  const burstAt = first + rng.float() * Math.max(0, spanDays - 3) * DAY_MS;
  const burstLength = rng.range(1, 3) * DAY_MS;
  const times = Array.from({ length: count }, () => (rng.chance(0.6) ? burstAt + rng.float() * burstLength : first + rng.float() * spanDays * DAY_MS));
  return times.sort((a, b) => a - b);
}

/** Shop checkouts from a stolen card's ring come through hosting/VPN exits. */
function shopExtras(tools: RingTools): Pick<PlannedOrder, 'ip'> {
  return { ip: tools.network.hostingIp(tools.nextDraw()) };
}

function stolenCard(rng: Rng, tools: RingTools): Card {
  return tools.cards.freshCard(tools.nextDraw(), rng.chance(0.5) ? 'DE' : rng.pick(FOREIGN_CARD_COUNTRIES));
}

export function planRings(planner: Planner, rng: Rng, tools: RingTools): RingPlan[] {
  const n = planner.orders;
  const count = n >= 5000 ? Math.max(5, Math.round(n / 1000)) : Math.min(5, Math.floor(n / 150));
  const cap = Math.max(3, Math.min(40, Math.floor(n / 60)));
  const kinds = shuffle([...RING_KINDS], rng);
  let drops = 0;
  const nextDrop = (): DropAddress => dropAddress(rng, drops++);
  const rings: RingPlan[] = [];
  for (let r = 0; r < count; r++) {
    const kind = r < kinds.length ? (kinds[r] as RingKind) : rng.weighted(RING_KINDS, KIND_WEIGHTS);
    const size = ringSize(rng, cap);
    if (planner.budget < size) break;
    let times = memberTimes(rng, planner.cal.start, size);
    // The last ring is active now: its orders fall in the last day before the export, so they are
    // still open or paid and land in the review queue. Squeezed without extra draws, so the rest
    // of the year stays as the seed makes it.
    if (r === count - 1) {
      const last = times[times.length - 1] as number;
      const span = Math.max(1, last - (times[0] as number));
      const end = planner.cal.now - 1 * 3_600_000;
      times = times.map((t) => end - ((last - t) / span) * 20 * 3_600_000);
    }
    const orders = ringOrders(kind, size, rng, planner, tools, nextDrop);
    const members = orders.map((o, i) => planner.place(times[i] as number, rng, { ...o, ring: r }));
    rings.push({ id: `ring-${String(r + 1).padStart(3, '0')}`, kind, members });
  }
  return rings;
}

/** A persona whose own (unique) address is on gmail.com: the mailbox behind a variant ring. */
function gmailOwner(planner: Planner): { first: string; last: string; email: string } {
  const ids = planner.identities;
  const p = planner.person((q) => ids.email(q).endsWith('@gmail.com'));
  return { first: p.first, last: p.last, email: ids.email(p) };
}

function base(planner: Planner, marketplace: Marketplace): PlannedOrder {
  const p = planner.person();
  return { person: p.index, marketplace, value: 'resellable', fraud: true, disputeChance: 0.15 };
}

function ringOrders(kind: RingKind, size: number, rng: Rng, planner: Planner, tools: RingTools, nextDrop: () => DropAddress): PlannedOrder[] {
  const anyChannel = (): Marketplace => rng.weighted<Marketplace>(['amazon', 'zalando', 'shop'], [35, 30, 35]);
  const mailChannel = (): Marketplace => (rng.chance(0.45) ? 'zalando' : 'shop');
  if (kind === 'shared-card') {
    const card = stolenCard(rng, tools);
    return Array.from({ length: size }, () => ({ ...base(planner, 'shop'), card, ...shopExtras(tools) }));
  }
  if (kind === 'shared-device') {
    const deviceId = NetworkSpace.uuid(rng.chars(HEX, 32));
    return Array.from({ length: size }, () => ({
      ...base(planner, 'shop'),
      deviceId,
      card: stolenCard(rng, tools),
      ...shopExtras(tools),
    }));
  }
  if (kind === 'address-variants') {
    const drop = nextDrop();
    const order = pickVariantOrder(rng, size, ADDRESS_VARIANTS);
    return order.map((v) => ({ ...base(planner, anyChannel()), ...dropFields(drop, v, rng) }));
  }
  if (kind === 'email-variants') {
    const owner = gmailOwner(planner);
    const order = pickVariantOrder(rng, size, EMAIL_VARIANTS);
    return order.map((v, i) => ({
      ...base(planner, mailChannel()),
      email: gmailVariant(owner.email, v),
      ...(i % 2 === 0 ? { shipName: nameVariant(owner.first, owner.last, i / 2) } : {}),
    }));
  }
  if (kind === 'phone-variants') {
    const phone = reservedPhone('DE', tools.nextDraw() * 7919);
    const order = pickVariantOrder(rng, size, PHONE_FORMATS);
    return order.map((v) => ({ ...base(planner, anyChannel()), phone: formatPhone(phone, v) }));
  }
  return mixedChain(size, rng, planner, tools, nextDrop);
}

function dropFields(drop: DropAddress, variant: number, rng: Rng): Partial<PlannedOrder> {
  return {
    street: streetVariant(drop, variant),
    postcode: drop.postcode,
    city: cityVariant(drop.city, rng.int(8)),
    shipCountry: 'DE',
  };
}

/**
 * A chain: member k and k+1 share one key, a different key type than the previous link where
 * possible (A-card-B-device-C-address-D...). No single key covers the ring.
 */
function mixedChain(size: number, rng: Rng, planner: Planner, tools: RingTools, nextDrop: () => DropAddress): PlannedOrder[] {
  const types: LinkType[] = ['card', 'device', 'address', 'email', 'phone'];
  const links: LinkType[] = [];
  for (let k = 0; k < size - 1; k++) {
    const choices = types.filter((t) => t !== links[k - 1]);
    links.push(k === 0 ? 'card' : k === 1 ? 'device' : rng.pick(choices));
  }
  const members: PlannedOrder[] = Array.from({ length: size }, () => base(planner, 'amazon'));
  const needs = members.map(() => new Set<LinkType>());
  links.forEach((t, k) => {
    needs[k]?.add(t);
    needs[k + 1]?.add(t);
  });
  links.forEach((t, k) => {
    const a = members[k] as PlannedOrder;
    const b = members[k + 1] as PlannedOrder;
    if (t === 'card') a.card = b.card = stolenCard(rng, tools);
    else if (t === 'device') a.deviceId = b.deviceId = NetworkSpace.uuid(rng.chars(HEX, 32));
    else if (t === 'address') {
      const drop = nextDrop();
      Object.assign(a, dropFields(drop, 0, rng));
      Object.assign(b, dropFields(drop, 1 + rng.int(ADDRESS_VARIANTS - 1), rng));
    } else if (t === 'email') {
      const owner = gmailOwner(planner);
      a.email = gmailVariant(owner.email, 0);
      b.email = gmailVariant(owner.email, 1 + rng.int(EMAIL_VARIANTS - 1));
    } else {
      const phone: Phone = reservedPhone('DE', tools.nextDraw() * 7919);
      a.phone = formatPhone(phone, 0);
      b.phone = formatPhone(phone, 1 + rng.int(PHONE_FORMATS - 1));
    }
  });
  members.forEach((m, k) => {
    const need = needs[k] as Set<LinkType>;
    m.marketplace =
      need.has('card') || need.has('device')
        ? 'shop'
        : need.has('email')
          ? rng.pick(['zalando', 'shop'] as const)
          : rng.pick(['amazon', 'zalando', 'shop'] as const);
    if (m.marketplace === 'shop') Object.assign(m, shopExtras(tools));
  });
  return members;
}
