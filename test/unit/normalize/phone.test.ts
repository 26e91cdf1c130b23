// Phone numbers as people type them, read in the order's country, to E.164.
import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../../shared/normalize';

describe('normalisePhone', () => {
  it.each([
    ['+49 170 1234567', 'DE', '+491701234567'],
    ['0170/1234567', 'DE', '+491701234567'],
    ['0170-1234567', 'DE', '+491701234567'],
    ['0170 123 45 67', 'DE', '+491701234567'],
    ['0049 170 1234567', 'DE', '+491701234567'],
    ['00491701234567', 'FR', '+491701234567'],
    ['+49 (0)170 1234567', 'DE', '+491701234567'],
    ['+49 (0) 30 1234567', 'DE', '+49301234567'],
    ['491701234567', 'DE', '+491701234567'],
    ['(030) 123 4567', 'DE', '+49301234567'],
    ['0664 1234567', 'AT', '+436641234567'],
    ['+43 (0)664 1234567', 'AT', '+436641234567'],
    ['01 5123456', 'AT', '+4315123456'],
    ['079 123 45 67', 'CH', '+41791234567'],
    ['06-12345678', 'NL', '+31612345678'],
    ['512 345 678', 'PL', '+48512345678'],
    ['+48 512-345-678', 'PL', '+48512345678'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['02 1234 5678', 'IT', '+390212345678'],
    ['333 123 4567', 'IT', '+393331234567'],
    ['612 34 56 78', 'ES', '+34612345678'],
    ['0470 12 34 56', 'BE', '+32470123456'],
    // A German mobile typed nationally on an order shipped abroad: cannot be French or Austrian.
    ['0157-0498897', 'FR', '+491570498897'],
    ['0157-0498897', 'AT', '+491570498897'],
    [' 0170 1234567 ', 'de', '+491701234567'],
    // No usable country: read in the seller's home market.
    ['0170 1234567', '', '+491701234567'],
    ['0170 1234567', 'XX', '+491701234567'],
  ])('%s in %s -> %s', (raw, country, e164) => {
    expect(normalisePhone(raw, country)).toBe(e164);
  });

  it.each([
    ['', 'DE'],
    ['n/a', 'DE'],
    ['123', 'DE'],
    ['1234567', 'FR'],
    ['+49 170 1234567 1234567', 'DE'],
    // Typed to get past a mandatory field: a keypad run of 5 digits and more after the country code.
    ['+49 123456', 'DE'],
    ['0123456', 'DE'],
    ['0049 98765', 'DE'],
  ])('%j in %j gives no key', (raw, country) => {
    expect(normalisePhone(raw, country)).toBeNull();
  });
});
