import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/payment';
import { decisivePayment, orderKeyVariants, orderReference, orderRefVariants, spellingFreeKey, withPaymentFacts } from '../../../shared/orders/paymentFacts';
import { order } from '../../support/orders';

const payment = (patch: Partial<Payment> = {}): Payment => ({
  id: 'ch_1',
  provider: 'stripe',
  orderRef: '#1001',
  createdAt: 1000,
  amountMinor: 5990,
  currency: 'EUR',
  status: 'succeeded',
  email: 'anna@example.de',
  ip: '203.0.113.7',
  cardBin: '424242',
  cardLast4: '4242',
  cardExpiry: '04/28',
  cardFingerprint: 'Fp1',
  cardBrand: 'visa',
  cardCountry: 'DE',
  ...patch,
});

describe('joining payments onto orders', () => {
  it('reads a reference with or without the leading #', () => {
    expect(orderRefVariants('#1001')).toEqual(['#1001', '1001']);
    expect(orderRefVariants(' 1001 ')).toEqual(['1001', '#1001']);
    expect(orderRefVariants('')).toEqual([]);
    expect(orderRefVariants('Shopify order #1001')).toEqual(['#1001', '1001']);
    expect(orderRefVariants('Bestellung 1001')).toEqual(['1001', '#1001']);
    expect(orderReference('Order #A-77 (web)')).toBe('#A-77');
    expect(orderReference('ch_1')).toBe('ch_1');
  });

  it('names each spelling of an order key once', () => {
    expect(orderKeyVariants('shopify:#1001')).toEqual(['shopify:#1001', 'shopify:1001']);
    expect(orderKeyVariants('shopify:1001')).toEqual(['shopify:1001', 'shopify:#1001']);
    // A number the reference reader takes apart differently keeps the key itself first.
    expect(orderKeyVariants('shopify: 1001')).toEqual(['shopify: 1001', 'shopify:1001', 'shopify:#1001']);
    expect(orderKeyVariants('no-source')).toEqual(['no-source']);
  });

  it('reads both spellings of an order key as one, for Rings and Review', () => {
    expect(spellingFreeKey('shopify:#1001')).toBe('shopify:1001');
    expect(spellingFreeKey('shopify:1001')).toBe('shopify:1001');
    // Only the # that leads the number: a shop's own key and other marks stay.
    expect(spellingFreeKey('shopify@outlet:#A-77')).toBe('shopify@outlet:A-77');
    expect(spellingFreeKey('amazon:303-1234567-7654321')).toBe('amazon:303-1234567-7654321');
    expect(spellingFreeKey('shopify:1#2')).toBe('shopify:1#2');
    expect(spellingFreeKey('')).toBe('');
  });

  it.each([
    ['Order 1001 - 2 items', '1001'],
    ['Payment for order 1002 qty 3', '1002'],
    ['Bestellung Nr. 1003 (2 Artikel)', '1003'],
    ['Webshop - Order No. 1004', '1004'],
    ['order_id: 1005, 3 items', '1005'],
    ['Shopify order #1006', '#1006'],
    ['Order #1007 - 2 items', '#1007'],
    ['Ordernummer 1008', '1008'],
    ['Auftragsnr. 1009', '1009'],
    ['Order number: 1010 (of 3 items)', '1010'],
    // A count or a date after the number is no "part 2 of 3".
    ['Order 1001 of 2026-05-01', '1001'],
    ['Order 1001 of 3 items', '1001'],
    ['Commande 1001 de 3 articles', '1001'],
    ['Pedido 1001 de 2 artículos', '1001'],
    ['Bestellung 1001 von 3 Artikeln', '1001'],
    ['Order 1001/2026', '1001'],
    ['Order 5 of 3', '5'],
  ])('finds the order number in the description %j', (text, ref) => {
    expect(orderReference(text)).toBe(ref);
  });

  // A wrong reference joins the payment's card and IP onto someone else's order; none only leaves it unjoined.
  it.each([
    'Payment for 3 items',
    'Subscription update',
    'Pre-order 3 items',
    'Order 1001 and order 1002',
    'Refund #12 for #13',
    'Order pending',
    'Order 2 of 3',
    'Order 12 of 30',
    'Bestellung 1 von 2',
    'Order 2/3',
  ])('names no order number when unsure: %j', (text) => {
    expect(orderReference(text)).toBe('');
  });

  it('prefers a succeeded payment over a refund or a failed try, then the latest', () => {
    const failed = payment({ id: 'a', status: 'failed', createdAt: 3000 });
    const ok = payment({ id: 'b', status: 'succeeded', createdAt: 2000 });
    const later = payment({ id: 'c', status: 'succeeded', createdAt: 2500 });
    expect(decisivePayment([failed, ok])?.id).toBe('b');
    expect(decisivePayment([failed, ok, later])?.id).toBe('c');
    expect(decisivePayment([])).toBeUndefined();
  });

  it('gives a shop order the card summary and IP, keeps its own email, and changes nothing twice', () => {
    const bare = order({ cardBin: '', cardLast4: '', cardExpiry: '', cardFingerprint: '', cardBrand: '', ip: '', paymentMethod: '', email: 'shop@example.de' });
    const joined = withPaymentFacts(bare, payment());
    expect(joined).toMatchObject({
      cardBin: '424242',
      cardLast4: '4242',
      cardExpiry: '04/28',
      cardFingerprint: 'Fp1',
      cardBrand: 'visa',
      ip: '203.0.113.7',
      paymentMethod: 'card',
      email: 'shop@example.de',
    });
    expect(withPaymentFacts(joined, payment())).toBe(joined);
    expect(withPaymentFacts(order({ email: '' }), payment()).email).toBe('anna@example.de');
  });

  // A card is one thing: the order carries the card it was paid with, never one card's BIN and last 4
  // with another card's expiry and fingerprint (a card that does not exist, linked by the wrong card).
  it('takes a payment with another card whole, not on top of the card the order had', () => {
    // The order took card A (fingerprint, expiry, failed CVC) from a try imported earlier; the payment
    // that went through is an Adyen one with card B: masked PAN (BIN and last 4), no expiry, no fingerprint.
    const withCardA = withPaymentFacts(
      order({ cardBin: '', cardLast4: '', cardExpiry: '', cardFingerprint: '', cardBrand: '' }),
      payment({ cvcCheck: 'fail' }),
    );
    const cardB = payment({
      id: '8836',
      provider: 'adyen',
      cardBin: '555555',
      cardLast4: '4444',
      cardExpiry: '',
      cardFingerprint: '',
      cardBrand: 'mastercard',
      cvcCheck: 'pass',
      threeDs: 'authenticated',
    });
    const joined = withPaymentFacts(withCardA, cardB);
    expect(joined).toMatchObject({
      cardBin: '555555',
      cardLast4: '4444',
      cardExpiry: '',
      cardFingerprint: '',
      cardBrand: 'mastercard',
      cvcCheck: 'pass',
      threeDs: 'authenticated',
    });
    // A check card B's payment does not report is not card A's.
    expect(withPaymentFacts(withCardA, payment({ ...cardB, cvcCheck: undefined })).cvcCheck).toBeUndefined();
  });

  it('fills what the same card lacks from what the order knows of it', () => {
    // The order file gave BIN, last 4 and expiry; the payment names the same card without its expiry.
    const fromFile = order({ cardBin: '424242', cardLast4: '4242', cardExpiry: '04/28', cardFingerprint: '', cardBrand: 'visa', cvcCheck: 'pass' });
    const joined = withPaymentFacts(fromFile, payment({ cardExpiry: '', cardFingerprint: 'Fp1', cvcCheck: undefined }));
    expect(joined).toMatchObject({ cardBin: '424242', cardLast4: '4242', cardExpiry: '04/28', cardFingerprint: 'Fp1', cvcCheck: 'pass' });
    // A payment without a card (PayPal) leaves the order's card as it was.
    const paypal = payment({ provider: 'paypal', cardBin: '', cardLast4: '', cardExpiry: '', cardFingerprint: '', cardBrand: '', cardCountry: '' });
    expect(withPaymentFacts(fromFile, paypal)).toMatchObject({ cardBin: '424242', cardLast4: '4242', cardExpiry: '04/28', cvcCheck: 'pass' });
  });
});
