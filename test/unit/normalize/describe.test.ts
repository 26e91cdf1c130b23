// Link values in words for the analyst: a card's BIN, last 4 and expiry, an address or a
// collection point as a place, a name beside its postcode; never more of a card than it stores.
import { describe, expect, it } from 'vitest';
import { describeLinkValue } from '../../../shared/normalize';

describe('a link value in words', () => {
  it.each([
    ['card', '224636|3342|07/31', '2246 36** **** 3342 exp 07/31'],
    ['card', '22463611|3342|', '2246 3611 **** 3342'],
    ['card', 'fp_9a8b7c6d5e', 'fp_9a8b7c6d5e'],
    ['address', 'DE|01101|lutzowstr|5', 'lutzowstr 5, 01101 DE'],
    ['address', 'DE|10115|packstation|199', 'packstation 199, 10115 DE'],
    ['address', 'DE|80331|marienplatz', 'marienplatz, 80331 DE'],
    ['name', '01101|anna schmidt', 'anna schmidt, 01101'],
    ['email', 'anna@example.de', 'anna@example.de'],
    ['ip', '195.145.83.0/24', '195.145.83.0/24'],
  ])('%s %s reads %s', (type, value, words) => expect(describeLinkValue(type, value)).toBe(words));
});
