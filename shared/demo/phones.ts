// Mobile numbers and the many ways people type them (+49 170 1234567, 0170/1234567,
// 0049170...). One number per customer, unique; the format varies by channel and by person.

import type { Marketplace } from '../domain/order';
import type { Country } from './names';
import { luhnValid } from './pan-guard';
import { Permutation, hash3 } from './prng';
import { STREAM } from './streams';

export type PhoneCountry = Country | 'CH';

export interface Phone {
  country: PhoneCountry;
  /** Country calling code without "+", e.g. "49". */
  cc: string;
  /** Mobile network prefix without the trunk "0", e.g. "170". */
  prefix: string;
  subscriber: string;
}

const CALLING: Record<PhoneCountry, { cc: string; trunk: string; prefixes: readonly string[] }> = {
  DE: {
    cc: '49',
    trunk: '0',
    prefixes: ['1512', '1520', '1522', '1573', '1590', '160', '162', '163', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'],
  },
  AT: { cc: '43', trunk: '0', prefixes: ['664', '650', '660', '676', '699', '681', '688'] },
  NL: { cc: '31', trunk: '0', prefixes: ['61', '62', '63', '64', '65'] },
  PL: { cc: '48', trunk: '', prefixes: ['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'] },
  FR: { cc: '33', trunk: '0', prefixes: ['61', '62', '63', '64', '65', '66', '67', '68', '75', '76', '77', '78'] },
  CH: { cc: '41', trunk: '0', prefixes: ['76', '77', '78', '79'] },
};

/** Prefixes kept out of the customer base, so planted ring phones cannot collide with anyone. */
export const RESERVED_PREFIX: Record<PhoneCountry, string> = {
  DE: '157',
  AT: '677',
  NL: '68',
  PL: '45',
  FR: '69',
  CH: '75',
};

const SUBSCRIBERS = 10_000_000;

/** Hands out 7-digit subscriber numbers, one per identity key. */
export function subscriberPermutation(seed: number): Permutation {
  return new Permutation(SUBSCRIBERS, hash3(seed, STREAM.phone, 1));
}

/** A number as dialled from abroad ("0049..." reaches 13+ digits): never Luhn-valid. */
export function panSafePhone(country: PhoneCountry, firstPrefix: number, subscriber: string): Phone {
  const { cc, prefixes } = CALLING[country];
  for (let k = 0; k < prefixes.length; k++) {
    const prefix = prefixes[(firstPrefix + k) % prefixes.length] as string;
    if (!luhnValid(cc + prefix + subscriber)) return { country, cc, prefix, subscriber };
  }
  // Unreachable in practice: consecutive prefixes change the Luhn sum.
  return { country, cc, prefix: prefixes[firstPrefix % prefixes.length] as string, subscriber: subscriber.slice(0, -1) + '0' };
}

export function phoneFor(seed: number, country: PhoneCountry, key: number, subscribers: Permutation): Phone {
  // Keys beyond the space (absurdly large demos) wrap; uniqueness is then best effort.
  const subscriber = String(subscribers.apply(key % SUBSCRIBERS)).padStart(7, '0');
  return panSafePhone(country, hash3(seed, STREAM.phone, key), subscriber);
}

/** A ring's shared number, from the reserved prefix (never handed to ordinary customers). */
export function reservedPhone(country: PhoneCountry, draw: number): Phone {
  const { cc } = CALLING[country];
  const prefix = RESERVED_PREFIX[country];
  let sub = draw % SUBSCRIBERS;
  while (luhnValid(cc + prefix + String(sub).padStart(7, '0'))) sub = (sub + 1) % SUBSCRIBERS;
  return { country, cc, prefix, subscriber: String(sub).padStart(7, '0') };
}

export const PHONE_FORMATS = 10;

/** The number after the country code, grouped as written internationally in that country. */
function groups(p: Phone): string {
  const nsn = p.prefix + p.subscriber;
  switch (p.country) {
    case 'NL':
      return `${nsn.slice(0, 1)} ${nsn.slice(1)}`;
    case 'FR':
      return `${nsn.slice(0, 1)} ${nsn.slice(1).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
    case 'PL':
      return `${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;
    case 'CH':
      return `${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5, 7)} ${nsn.slice(7)}`;
    default:
      return `${p.prefix} ${p.subscriber}`;
  }
}

/** The same number written ten ways (+49 170 1234567, 0170/1234567, 0049170..., ...). */
export function formatPhone(p: Phone, format: number): string {
  const { trunk } = CALLING[p.country];
  const nsn = p.prefix + p.subscriber;
  const f = format % PHONE_FORMATS;
  // "0170/1234567"-style groupings are German and Austrian habits; others write the national form.
  if ((f === 1 || f === 5 || f === 7) && p.country !== 'DE' && p.country !== 'AT') return national(p);
  switch (f) {
    case 0:
      return `+${p.cc} ${groups(p)}`;
    case 1:
      return `${trunk}${p.prefix}/${p.subscriber}`;
    case 2:
      return `00${p.cc}${nsn}`;
    case 3:
      return national(p);
    case 4:
      return `+${p.cc}${nsn}`;
    case 5:
      return `${trunk}${p.prefix}-${p.subscriber}`;
    case 6:
      return trunk ? `+${p.cc} (0)${groups(p)}` : `+${p.cc} ${groups(p)}`;
    case 7: {
      const s = p.subscriber;
      return `${trunk}${p.prefix} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`;
    }
    case 8:
      return `${trunk}${nsn}`;
    default:
      return `00${p.cc} ${groups(p)}`;
  }
}

function national(p: Phone): string {
  const digits = CALLING[p.country].trunk + p.prefix + p.subscriber;
  switch (p.country) {
    case 'PL':
      return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    case 'FR':
      return digits.replace(/(\d\d)(?=\d)/g, '$1 ');
    case 'NL':
      return `${digits.slice(0, 2)}-${digits.slice(2)}`;
    case 'CH':
      return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 8)} ${digits.slice(8)}`;
    default:
      return `${CALLING[p.country].trunk}${p.prefix} ${p.subscriber}`;
  }
}

/** Channel habits: Amazon mostly shows international form, shops get whatever people type. */
export function phoneFormatFor(channel: Marketplace, u: number): number {
  if (channel === 'amazon') return u < 0.45 ? 0 : u < 0.7 ? 8 : u < 0.9 ? 4 : 3;
  if (channel === 'zalando') return u < 0.55 ? 0 : u < 0.85 ? 4 : 3;
  return u < 0.25 ? 3 : u < 0.4 ? 0 : u < 0.52 ? 1 : u < 0.62 ? 8 : u < 0.7 ? 4 : u < 0.77 ? 5 : u < 0.84 ? 7 : u < 0.9 ? 2 : u < 0.95 ? 6 : 9;
}
