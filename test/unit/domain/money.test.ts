import { describe, expect, it } from 'vitest';
import { countOf, formatCount } from '../../../shared/domain/money';

describe('counts in words', () => {
  it('one is singular, everything else plural, with thousands separated', () => {
    expect(countOf(1, 'hub')).toBe('1 hub');
    expect(countOf(0, 'hub')).toBe('0 hubs');
    expect(countOf(1200, 'order')).toBe('1,200 orders');
    expect(countOf(2, 'identity', 'identities')).toBe('2 identities');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });
});
