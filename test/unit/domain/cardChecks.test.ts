// Card check answers as providers spell them, read into the app's words; unknown spellings stay ''.
import { describe, expect, it } from 'vitest';
import { avsOf, cardCheckOf, describeCardChecks, threeDsOf } from '../../../shared/domain/cardChecks';

describe('card checks', () => {
  it.each([
    ['pass', 'pass'],
    ['fail', 'fail'],
    ['unavailable', 'unavailable'],
    ['unchecked', 'unchecked'], // Stripe
    ['1 Matches', 'pass'],
    ['2 No Match', 'fail'],
    ['0 Unknown', 'unavailable'],
    ['3 Not checked', 'unchecked'], // Adyen CVC2
    ['Y', 'pass'],
    ['N', 'fail'],
    ['', ''],
    ['maybe', ''],
  ])('CVC %j reads as %j', (raw, want) => expect(cardCheckOf(raw)).toBe(want));

  it.each([
    ['Y', 'pass', 'pass'],
    ['A', 'fail', 'pass'],
    ['Z', 'pass', 'fail'],
    ['N', 'fail', 'fail'],
    ['U', 'unavailable', 'unavailable'],
    ["1 Address matches, postal code doesn't", 'fail', 'pass'],
    ['2 Neither postal code nor address match', 'fail', 'fail'],
    ["6 Postal code matches, address doesn't match", 'pass', 'fail'],
    ['7 Both postal code and address match', 'pass', 'pass'],
    ['4 AVS not supported for this card type', 'unavailable', 'unavailable'],
    ['', '', ''],
  ])('AVS %j: postcode %j, line 1 %j', (raw, postcode, line1) => expect(avsOf(raw)).toEqual({ postcode, line1 }));

  it.each([
    ['05', 'authenticated'],
    ['02', 'authenticated'],
    ['06', 'attempted'],
    ['07', 'unavailable'],
    ['Y', 'authenticated'],
    ['N', 'failed'],
    ['authenticated', 'authenticated'],
    ['AttemptAuthentication', 'attempted'],
    ['not enrolled', 'not-enrolled'],
    ['', ''],
  ])('3-D Secure %j reads as %j', (raw, want) => expect(threeDsOf(raw)).toBe(want));

  it('describes what is known for the order panel', () => {
    expect(describeCardChecks({ cvcCheck: 'fail', avsPostcodeCheck: 'pass', avsLine1Check: 'fail', threeDs: 'not-enrolled' })).toBe(
      'CVC failed · AVS postcode passed, line 1 failed · 3-D Secure not enrolled',
    );
    expect(describeCardChecks({})).toBe('');
  });
});
