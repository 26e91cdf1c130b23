// Shared 10k-order demo for the demo tests, plus the independent normalisers the tests use to
// check links (deliberately not the generator's own code).

import type { Order } from '../../../shared/domain/order';
import { orderKey } from '../../../shared/domain/order';
import { generateDemoAll } from '../../../shared/demo';

/** "Today" with milliseconds, so whole-second alignment is exercised. */
export const NOW = Date.UTC(2025, 10, 24, 10, 30, 17, 123);
export const DAY = 86_400_000;

export type Demo = ReturnType<typeof generateDemoAll>;

let cached: Demo | undefined;

export function demo10k(): Demo {
  cached ??= generateDemoAll({ orders: 10_000, seed: 20251124, now: NOW, chunkSize: 2_500 });
  return cached;
}

export function ordersByKey(demo: Demo): Map<string, Order> {
  return new Map(demo.orders.map((o) => [orderKey(o), o]));
}

/** Mailbox identity: case-insensitive, "+tag" dropped, gmail ignores dots, googlemail = gmail. */
export function mailbox(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  let local = lower.slice(0, at).replace(/\+.*$/, '');
  let domain = lower.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

const CALLING_CODES = ['49', '43', '31', '48', '33', '41'];

/** International digits of a phone, e.g. "491701234567"; national numbers are taken as German. */
export function phoneDigits(phone: string, country = 'DE'): string {
  const raw = phone.replace(/\(0\)/g, '').trim();
  const digits = raw.replace(/\D/g, '');
  if (raw.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  const cc = { DE: '49', AT: '43', NL: '31', PL: '48', FR: '33', CH: '41' }[country] ?? '49';
  if (country === 'PL' && !digits.startsWith('0')) return cc + digits;
  return digits.startsWith('0') ? cc + digits.slice(1) : CALLING_CODES.some((c) => digits.startsWith(c)) ? digits : cc + digits;
}

/** Street + postcode folded the way a tolerant address matcher would (keeping "12/3" apart from "1/23"). */
export function addressKey(o: Pick<Order, 'shipStreet' | 'shipPostcode'>): string {
  const street = o.shipStreet
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/,.*$/, '')
    .replace(/strasse|str\.?/g, 'str')
    .replace(/[^a-z0-9/]/g, '');
  return `${street}|${o.shipPostcode.trim()}`;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** The keys a linker joins on, normalised; Amazon relay addresses never link. */
export function linkKeys(o: Order): string[] {
  const keys: string[] = [];
  if (o.email && !o.email.endsWith('@marketplace.amazon.de')) keys.push(`email:${mailbox(o.email)}`);
  if (o.phone) keys.push(`phone:${phoneDigits(o.phone, o.shipCountry)}`);
  if (o.shipStreet) keys.push(`address:${addressKey(o)}`);
  if (o.ip) keys.push(`ip:${o.ip}`);
  if (o.deviceId) keys.push(`device:${o.deviceId}`);
  if (o.cardFingerprint) keys.push(`card:${o.cardFingerprint}`);
  return keys;
}
