// Writes one order the way its channel exports it: Amazon (merchant-fulfilled with address and
// relay e-mail, or FBA with only town and postcode), Zalando (customer number, no IP or card),
// and the own Shopify shop (Stripe card payment, IP, device).

import type { Dispute } from '../domain/dispute';
import { orderKey, type Marketplace, type Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import type { AccountIds } from './accounts';
import { basketTotalEur, convertPrice } from './basket';
import type { CustomerBook } from './customers';
import type { Card, CardSpace } from './cards';
import { disputeFor } from './disputes';
import type { IdentitySpace, Person } from './identity';
import { marketplacePaymentMethod, orderStatus, paymentStatus } from './lifecycle';
import type { NetworkSpace } from './network';
import { luhnValid, panSafeTime } from './pan-guard';
import { formatPhone, phoneFormatFor } from './phones';
import type { PlannedOrder } from './plan';
import { ALNUM, Permutation, Rng, hash3, reseedFor, unit3 } from './prng';
import { STREAM } from './streams';

export interface WrittenOrder {
  order: Order;
  payment: Payment | undefined;
  dispute: Dispute | undefined;
}

const AMAZON_PREFIXES = ['302', '303', '304', '305', '306'];
const PHONE_SHOWN: Record<Marketplace, number> = { amazon: 0.65, zalando: 0.8, shop: 0.75, other: 0.7 };

export class OrderWriter {
  private shopNumber = 10001;
  /** One generator, reseeded per order: no allocation in the hot loop. */
  private readonly scratch = new Rng(0, 0, 0, 0);
  private readonly amazonIds: Permutation;
  private readonly zalandoIds: Permutation;

  constructor(
    private readonly seed: number,
    private readonly now: number,
    private readonly identities: IdentitySpace,
    private readonly accounts: AccountIds,
    private readonly network: NetworkSpace,
    private readonly cards: CardSpace,
    private readonly customers: CustomerBook,
  ) {
    // Power-of-two domains need no cycle walking; offsets keep every id at full length.
    this.amazonIds = new Permutation(2 ** 46, hash3(seed, STREAM.amazonId, 0));
    this.zalandoIds = new Permutation(2 ** 32, hash3(seed, STREAM.zalandoId, 0));
  }

  /** Amazon order ids `302-1234567-1234567`, unique per position, never Luhn-valid. */
  private amazonOrderId(index: number): string {
    const digits = String(1e13 + this.amazonIds.apply(index));
    let k = hash3(this.seed, STREAM.amazonId, index) % AMAZON_PREFIXES.length;
    let prefix = AMAZON_PREFIXES[k] as string;
    while (luhnValid(prefix + digits)) prefix = AMAZON_PREFIXES[++k % AMAZON_PREFIXES.length] as string;
    return `${prefix}-${digits.slice(0, 7)}-${digits.slice(7)}`;
  }

  /** Zalando order numbers `1010xxxxxxxxxx` (14 digits); a Luhn-valid one moves to 1011. */
  private zalandoOrderNumber(index: number): string {
    const tail = String(5e9 + this.zalandoIds.apply(index));
    return luhnValid('1010' + tail) ? '1011' + tail : '1010' + tail;
  }

  /**
   * Passes over the order at position `index` without making it: all that later orders take from
   * it is the shop's running order number, which a shop order (neither Amazon nor Zalando, as in
   * write) takes one of. Its channel is drawn as write draws it.
   */
  skip(index: number, customer: number, planned: PlannedOrder | undefined): void {
    const marketplace = planned ? planned.marketplace : this.customers.channelOf(customer, reseedFor(this.scratch, this.seed, STREAM.order, index));
    if (marketplace !== 'amazon' && marketplace !== 'zalando') this.shopNumber++;
  }

  /** Order at position `index`, placed by customer number `customer` (a persona when planned). */
  write(index: number, createdAt: number, customer: number, planned: PlannedOrder | undefined): WrittenOrder {
    const rng = reseedFor(this.scratch, this.seed, STREAM.order, index);
    const person = this.identities.person(customer);
    const marketplace = planned ? planned.marketplace : this.customers.channelOf(customer, rng);
    const fba = !planned && marketplace === 'amazon' && rng.chance(0.3);
    const status = planned?.status ?? orderStatus(rng, this.now - createdAt, marketplace, planned?.fraud ?? false);
    const eur = basketTotalEur(rng, marketplace, planned?.value ?? 'normal');
    const shipCountry = planned?.shipCountry ?? person.country;
    const currency = planned?.currency ?? (marketplace === 'shop' && shipCountry === 'PL' ? this.shopCurrency(person) : 'EUR');
    const ids = this.identities;
    let phone = planned?.phone ?? '';
    if (!fba && planned?.phone === undefined && ids.hasPhone(person) && rng.chance(PHONE_SHOWN[marketplace])) {
      phone = formatPhone(ids.phone(person), phoneFormatFor(marketplace, unit3(person.key, marketplace.length, this.seed)));
    }
    const order: Order = {
      externalId: '',
      source: '',
      currency,
      customerId: '',
      email: '',
      phone,
      shipName: fba ? '' : (planned?.shipName ?? ids.displayName(person)),
      shipStreet: fba ? '' : (planned?.street ?? person.street),
      shipPostcode: planned?.postcode ?? person.postcode,
      shipCity: planned?.city ?? person.city,
      shipCountry,
      billCountry: planned?.billCountry ?? person.country,
      ip: '',
      deviceId: '',
      cardBin: '',
      cardLast4: '',
      cardExpiry: '',
      cardFingerprint: '',
      cardBrand: '',
      paymentMethod: '',
      marketplace,
      status,
      createdAt,
      totalMinor: convertPrice(eur, currency),
    };
    if (marketplace === 'amazon') {
      order.externalId = this.amazonOrderId(index);
      order.source = 'amazon.de';
      order.customerId = fba ? '' : this.accounts.amazonBuyerId(person.key);
      order.email = fba ? '' : this.accounts.amazonRelayEmail(person.key);
      order.billCountry = '';
      order.paymentMethod = marketplacePaymentMethod(rng, 'amazon');
      return { order, payment: undefined, dispute: undefined };
    }
    if (marketplace === 'zalando') {
      order.externalId = this.zalandoOrderNumber(index);
      order.source = 'zalando';
      order.customerId = this.accounts.zalandoCustomerNumber(person.key);
      order.email = planned?.email ?? this.identities.email(person);
      order.paymentMethod = marketplacePaymentMethod(rng, 'zalando');
      return { order, payment: undefined, dispute: undefined };
    }
    return this.shopOrder(index, order, person, planned, rng);
  }

  /** Polish shoppers mostly pay in złoty on the shop's PLN storefront. */
  private shopCurrency(person: Person): string {
    return hash3(person.key, this.seed, 0x504c4e) % 100 < 60 ? 'PLN' : 'EUR';
  }

  private shopOrder(index: number, order: Order, person: Person, planned: PlannedOrder | undefined, rng: Rng): WrittenOrder {
    const twoCards = hash3(person.key, this.seed, 0xca2d) % 100 < 30;
    const card: Card = planned?.card ?? this.cards.personCard(person.key, twoCards && rng.chance(0.15) ? 1 : 0, person.country);
    const twoDevices = hash3(person.key, this.seed, 0xde71) % 100 < 40;
    order.externalId = `#${this.shopNumber++}`;
    order.source = 'shopify';
    order.customerId = this.accounts.shopCustomerId(person.key);
    order.email = planned?.email ?? this.identities.email(person);
    order.ip =
      planned?.ip ??
      (rng.chance(0.7) ? this.network.homeIp(person.country, person.key, person.localKey) : this.network.ipv4(person.country, person.localKey, 1));
    order.deviceId = planned?.deviceId ?? this.network.deviceId(person.key, twoDevices && rng.chance(0.35) ? 1 : 0);
    order.cardBin = card.bin;
    order.cardLast4 = card.last4;
    order.cardExpiry = card.expiry;
    order.cardFingerprint = card.fingerprint;
    order.cardBrand = card.brand;
    order.paymentMethod = 'card';
    // Shopify's own risk flag, derived from the order number (no draw, so the year stays as seeded):
    // it flags most fraud, and now and then an honest order.
    const flag = Number(order.externalId.replace(/\D/g, '')) % 10;
    order.riskLevel = planned?.fraud ? (flag < 5 ? 'high' : flag < 8 ? 'medium' : 'low') : flag === 0 && order.totalMinor > 20_000 ? 'medium' : 'low';
    if (planned?.fraud && planned.card && card.country !== order.shipCountry) order.billCountry = card.country;
    let paidAt = order.createdAt;
    const delay = rng.range(1, 40) * 1000;
    if (paidAt + delay <= this.now) paidAt = panSafeTime(paidAt + delay);
    if (paidAt > this.now) paidAt = order.createdAt;
    const payment: Payment = {
      id: 'ch_3' + rng.chars(ALNUM, 23),
      provider: 'stripe',
      orderRef: order.externalId,
      createdAt: paidAt,
      amountMinor: order.totalMinor,
      currency: order.currency,
      status: paymentStatus(rng, order.status),
      email: order.email,
      ip: order.ip,
      cardBin: card.bin,
      cardLast4: card.last4,
      cardExpiry: card.expiry,
      cardFingerprint: card.fingerprint,
      cardBrand: card.brand,
      cardCountry: card.country,
    };
    return { order, payment, dispute: disputeFor(this.seed, index, payment, orderKey(order), planned, this.now) };
  }
}
