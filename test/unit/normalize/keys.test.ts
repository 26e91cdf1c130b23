// linkKeysOf on whole orders: which keys an order yields, their strength and rule, and that the
// values agree across spelling variants while relay e-mails, Postnummern and blanks never link.
import { describe, expect, it } from 'vitest';
import { order } from './orderFixture';
import {
  cardSummaryValue,
  customerValuesOf,
  describeLinkKey,
  linkKeysOf,
  normaliseDeviceId,
  normaliseExpiry,
  normaliseIp,
  type LinkKey,
} from '../../../shared/normalize';

const find = (keys: LinkKey[], rule: string) => keys.find((k) => k.rule === rule);

describe('linkKeysOf', () => {
  it('gives every key of a full shop order with strength and rule', () => {
    const keys = linkKeysOf(
      order({
        customerId: '6042919819412',
        email: 'A.Pohl+1@gmail.com',
        phone: '0170/1234567',
        shipName: 'Anna Pohl',
        shipStreet: 'Kapellenweg 79, 2. OG',
        shipPostcode: '80482',
        ip: '45.134.80.153',
        deviceId: '8DD7B3BF-30C7-4C5F-A4FC-D7E7DCD426EE',
        cardBin: '41111111',
        cardLast4: '1111',
        cardExpiry: '3/27',
        cardFingerprint: 'buVbaHKV99VQG1Bt',
      }),
    );
    expect(keys.map((k) => [k.type, k.value, k.strength, k.rule])).toEqual([
      ['card', 'fp:buVbaHKV99VQG1Bt', 'strong', 'fingerprint'],
      ['card', '411111|1111|03/27', 'medium', 'bin-last4-expiry'],
      ['card', '41111111|1111|', 'medium', 'bin8-last4'],
      ['card', '411111|1111|', 'weak', 'bin6-last4'],
      ['device', '8dd7b3bf-30c7-4c5f-a4fc-d7e7dcd426ee', 'strong', 'device-id'],
      ['email', 'apohl@gmail.com', 'strong', 'gmail-dots-and-tags'],
      ['phone', '+491701234567', 'strong', 'e164'],
      ['address', 'DE|80482|kapellenweg|79', 'medium', 'street-number-postcode'],
      ['address', 'DE|80482|kapellenweg', 'weak', 'street-postcode'],
      ['account', 'shopify:6042919819412', 'strong', 'account-id'],
      ['ip', '45.134.80.153', 'medium', 'ip-exact'],
      ['ip', '45.134.80.0/24', 'weak', 'ipv4-24'],
      ['name', '80482|anna pohl', 'weak', 'name-postcode'],
    ]);
    expect(find(keys, 'gmail-dots-and-tags')?.raw).toBe('A.Pohl+1@gmail.com');
  });

  it('a card without expiry or fingerprint still links: 8-digit BIN + last 4 at medium, 6-digit at weak', () => {
    const cards = (fields: Parameters<typeof order>[0]) =>
      linkKeysOf(order(fields))
        .filter((k) => k.type === 'card')
        .map((k) => [k.value, k.strength, k.rule]);
    // A file with the full number (4111 1111 1111 1111) and no expiry keeps 8 BIN digits and the last 4.
    expect(cards({ cardBin: '41111111', cardLast4: '1111' })).toEqual([
      ['41111111|1111|', 'medium', 'bin8-last4'],
      ['411111|1111|', 'weak', 'bin6-last4'],
    ]);
    expect(cards({ cardBin: '411111', cardLast4: '1111' })).toEqual([['411111|1111|', 'weak', 'bin6-last4']]);
    // With an expiry or a fingerprint the BIN and last 4 are kept too, so the same card in a file
    // without an expiry meets them (the linker skips them where every order has an expiry).
    expect(cards({ cardBin: '41111111', cardLast4: '1111', cardExpiry: '03/27' })).toEqual([
      ['411111|1111|03/27', 'medium', 'bin-last4-expiry'],
      ['41111111|1111|', 'medium', 'bin8-last4'],
      ['411111|1111|', 'weak', 'bin6-last4'],
    ]);
    expect(cards({ cardBin: '41111111', cardLast4: '1111', cardFingerprint: 'buVbaHKV99VQG1Bt' })).toEqual([
      ['fp:buVbaHKV99VQG1Bt', 'strong', 'fingerprint'],
      ['41111111|1111|', 'medium', 'bin8-last4'],
      ['411111|1111|', 'weak', 'bin6-last4'],
    ]);
    expect(cards({ cardBin: '4111', cardLast4: '1111' })).toEqual([]);
    const key = linkKeysOf(order({ cardBin: '41111111', cardLast4: '1111' })).find((k) => k.type === 'card')!;
    expect(describeLinkKey(key)).toBe('card 4111 1111 **** 1111 (same 8-digit BIN and last 4, no expiry to compare)');
  });

  it('an Amazon order links by buyer id but never by its relay e-mail; FBA orders give nothing', () => {
    const mfn = linkKeysOf(order({ source: 'amazon.de', marketplace: 'amazon', customerId: 'A1HHQ6KLV2NC86', email: 'hjdylydfcoky1dn@marketplace.amazon.de' }));
    expect(mfn.map((k) => k.type)).toEqual(['account']);
    const fba = linkKeysOf(order({ source: 'amazon.de', marketplace: 'amazon', shipPostcode: '80331', shipCity: 'München' }));
    expect(fba).toEqual([]);
  });

  it('Packstation orders share a hub key without the Postnummer, however it is written', () => {
    const values = ['Packstation 184, 84752319', '11111111, Packstation 184', 'PACKSTATION 184 22222222', 'Packstation Nr. 184, Postnummer 33333333'].map(
      (street) => linkKeysOf(order({ shipStreet: street, shipPostcode: '10115' })).filter((k) => k.type === 'address'),
    );
    for (const keys of values) expect(keys).toEqual([expect.objectContaining({ value: 'DE|10115|packstation|184', hub: true, rule: 'pickup-point' })]);
  });

  it('a forwarder address is marked as a hub by the customer number in the name line', () => {
    const keys = linkKeysOf(order({ shipName: 'Lena Graf KD-48211', shipStreet: 'Industriestr. 9', shipPostcode: '78467' }));
    expect(keys.filter((k) => k.type === 'address').every((k) => k.hub)).toBe(true);
    expect(find(keys, 'name-postcode')?.value).toBe('78467|graf lena');
  });

  it('umlaut spellings give one address and one name', () => {
    const a = linkKeysOf(order({ shipName: 'Jürgen Müller', shipStreet: 'Müllerstraße 5', shipPostcode: '13353' }));
    const b = linkKeysOf(order({ shipName: 'MUELLER, Juergen', shipStreet: 'Muellerstr. 5', shipPostcode: '13353' }));
    const c = linkKeysOf(order({ shipName: 'juergen muller', shipStreet: 'mullerstrasse 5', shipPostcode: '13353' }));
    for (const rule of ['street-number-postcode', 'name-postcode']) {
      expect(new Set([a, b, c].map((keys) => find(keys, rule)?.value)).size).toBe(1);
    }
  });

  it('IPv6 gives the exact address and its /64; private addresses give nothing', () => {
    expect(normaliseIp('2003:21D7:430F:C757:0:0:0:1')).toEqual({ exact: '2003:21d7:430f:c757:0:0:0:1', network: '2003:21d7:430f:c757::/64' });
    expect(normaliseIp('2003:21d7:430f:c757::1')?.exact).toBe('2003:21d7:430f:c757:0:0:0:1');
    expect(normaliseIp('::ffff:91.51.148.95')?.exact).toBe('91.51.148.95');
    for (const ip of ['192.168.1.10', '10.0.0.1', '127.0.0.1', 'fe80::1', 'fd00::1', 'not an ip', '300.1.1.1']) expect(normaliseIp(ip)).toBeNull();
  });

  it('IPs as logs and proxies write them: with a port, a zone, or a forwarded-for chain, the client is one address', () => {
    const client = normaliseIp('91.51.148.95')!;
    expect(normaliseIp('91.51.148.95:52311')).toEqual(client);
    expect(normaliseIp(' 91.51.148.95, 10.0.0.1 ')).toEqual(client);
    // The first public address of the chain: a client behind its own network's NAT reports a private one first.
    expect(normaliseIp('192.168.0.7, 91.51.148.95, 172.16.0.1')).toEqual(client);
    const v6 = normaliseIp('2003:21d7:430f:c757::1')!;
    expect(normaliseIp('[2003:21d7:430f:c757::1]:443')).toEqual(v6);
    expect(normaliseIp('[2003:21d7:430f:c757::1]')).toEqual(v6);
    expect(normaliseIp('2003:21d7:430f:c757::1%eth0')).toEqual(v6);
    for (const ip of ['10.0.0.1, 192.168.1.1', 'fe80::1%eth0', '91.51.148.95:', ', ,']) expect(normaliseIp(ip)).toBeNull();
  });

  it('cards: 6 and 8 digit BINs agree, expiry spellings agree, placeholders and bad values give nothing', () => {
    expect(cardSummaryValue('411111', '1111', '03/27')).toBe(cardSummaryValue('41111111', '1111', '3/2027'));
    expect(normaliseExpiry('0327')).toBe('03/27');
    expect(normaliseExpiry('13/27')).toBeNull();
    // Year first, as ISO dates and some PSP exports write it.
    expect(normaliseExpiry('2027-04')).toBe('04/27');
    expect(normaliseExpiry('2027/4')).toBe('04/27');
    expect(normaliseExpiry('2027-13')).toBeNull();
    expect(cardSummaryValue('41111111', '1234', '2027-04')).toBe(cardSummaryValue('411111', '1234', '04/27'));
    expect(cardSummaryValue('4111', '1111', '03/27')).toBeNull();
    expect(normaliseDeviceId('unknown')).toBeNull();
    expect(normaliseDeviceId('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('explains a card link without ever showing more than BIN and last 4', () => {
    expect(describeLinkKey({ type: 'card', value: '411111|1111|03/27', rule: 'bin-last4-expiry', raw: '411111 1111 03/27' })).toBe(
      'card 4111 11** **** 1111 exp 03/27 (same BIN, last 4 and expiry)',
    );
    expect(describeLinkKey({ type: 'card', value: 'fp:abcdef123', rule: 'fingerprint', raw: 'abcdef123' }, '411111|1111|03/27')).toBe(
      'card 4111 11** **** 1111 exp 03/27 (fingerprint match)',
    );
  });

  it('customer identity: account, exact e-mail and name + postcode; never phone or address', () => {
    const values = customerValuesOf(
      order({ customerId: 'C1', email: 'A.Pohl+1@Gmail.com', phone: '0170 1234567', shipName: 'Anna Pohl', shipStreet: 'Weg 1', shipPostcode: '80482' }),
    );
    expect(values).toEqual(['a:shopify:c1', 'e:a.pohl+1@gmail.com', 'n:80482|anna pohl']);
  });

  it('a file with no account, e-mail or name names the cardholder by every form of the card it has', () => {
    // The BIN and last 4 too: the same card's orders from a file without expiry or fingerprint are the same cardholder.
    expect(customerValuesOf(order({ cardFingerprint: 'buVbaHKV99VQG1Bt', cardBin: '41111111', cardLast4: '1111' }))).toEqual([
      'c:fp:buVbaHKV99VQG1Bt',
      'c:41111111|1111|',
      'c:411111|1111|',
    ]);
    expect(customerValuesOf(order({ cardBin: '41111111', cardLast4: '1111', cardExpiry: '03/27' }))).toEqual([
      'c:411111|1111|03/27',
      'c:41111111|1111|',
      'c:411111|1111|',
    ]);
    expect(customerValuesOf(order({ cardBin: '41111111', cardLast4: '1111' }))).toEqual(['c:41111111|1111|', 'c:411111|1111|']);
    // With any identity of its own the card is not used: a stolen card is not its buyer.
    expect(customerValuesOf(order({ email: 'a@example.com', cardBin: '41111111', cardLast4: '1111' }))).toEqual(['e:a@example.com']);
    expect(customerValuesOf(order())).toEqual([]);
  });
});
