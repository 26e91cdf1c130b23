// What a card number is: the networks' published test numbers are, plain and as printed; the ids a
// marketplace export is full of (Shopify, Amazon, IMEIs, phones) are not, though they pass Luhn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARD_NETWORKS,
  cardNetworkOf,
  cardNumberDigits,
  cardZeroedBySpreadsheet,
  findCardNumbers,
  hasLongDigitRun,
  holdsCardNumber,
  maskCardNumbers,
  reducedCardNumber,
} from '../../../shared/domain/cardNumbers';
import { luhnValid } from '../../../shared/domain/luhn';
import { LUHN_VALID_IDS, TEST_CARDS } from './cardFixtures';

describe('the card-number table', () => {
  it.each(TEST_CARDS)('$network test card $plain is a card, plain and printed as $printed', ({ network, plain, printed }) => {
    expect(cardNetworkOf(plain)).toBe(network);
    expect(cardNumberDigits(plain)).toBe(plain);
    expect(cardNumberDigits(printed)).toBe(plain);
    expect(cardNumberDigits(` ${printed} `)).toBe(plain);
  });

  it.each(LUHN_VALID_IDS)('%s: %s passes Luhn but is not a card', (_what, id) => {
    expect(luhnValid(id.replace(/\D/g, ''))).toBe(true);
    expect(cardNumberDigits(id)).toBeNull();
    expect(findCardNumbers(`ref ${id} ok`)).toEqual([]);
  });

  it('takes a 15-digit number for a card only in a range issued at 15 digits (Amex, Diners 36)', () => {
    const fifteen = CARD_NETWORKS.filter((n) => n.lengths.includes(15)).map((n) => [n.network, n.iin]);
    expect(fifteen).toEqual([
      ['American Express', ['34', '37']],
      ['Diners Club', ['36']],
    ]);
    // An Amex-shaped number that fails Luhn, and a 16-digit Visa cut to 15: not cards.
    expect(cardNetworkOf('378282246310006')).toBeNull();
    expect(cardNetworkOf('411111111111111')).toBeNull();
  });

  it('only prints the lengths and layouts cards are issued in', () => {
    expect(cardNumberDigits('4111 1111 1111 1111 9999 9')).toBeNull(); // too many digits
    expect(cardNumberDigits('41 11 11 11 11 11 11 11')).toBeNull(); // pairs are not a card layout
    expect(cardNumberDigits('4111-111111-111111')).toBeNull(); // 4-6-6
    expect(cardNumberDigits('4111111111112')).toBeNull(); // Visa-13 shape, Luhn fails
    expect(cardNumberDigits('card 4111111111111111')).toBeNull(); // not the whole value
    expect(cardNumberDigits('5105105105105100 5105105105105100')).toBeNull(); // two numbers
  });
});

describe('card numbers in text', () => {
  it('reduces every card number in free text to BIN + last 4, keeping the words around it', () => {
    expect(maskCardNumbers('paid with 4012 8888 8888 1881 yesterday')).toEqual({ text: 'paid with 40128888******1881 yesterday', masked: 1 });
    expect(maskCardNumbers('Amex 3782-822463-10005, Visa 4111111111111111.')).toEqual({ text: 'Amex 378282******0005, Visa 41111111******1111.', masked: 2 });
    expect(maskCardNumbers('Invoice 2026-05-01 4111111111111111')).toEqual({ text: 'Invoice 2026-05-01 41111111******1111', masked: 1 });
    expect(maskCardNumbers('PAN:5555555555554444/exp 04/28').text).toBe('PAN:55555555******4444/exp 04/28');
  });

  it('finds cards however the groups are parted: no-break, double or thin spaces, dots, spaced dashes, en dashes, glued to a word', () => {
    for (const written of [
      '4111\u00a01111\u00a01111\u00a01111',
      '4111.1111.1111.1111',
      '4111  1111  1111  1111',
      '4111 - 1111 - 1111 - 1111',
      '4111\u20131111\u20131111\u20131111',
      '4111\u202f1111\u202f1111\u202f1111',
      'Karte4111 1111 1111 1111',
      '+4111111111111111',
    ]) {
      expect(maskCardNumbers(`Name ${written} end`).text, written).toContain('41111111******1111');
    }
    // Digits after + are a phone number up to 15 digits, whatever follows; IPs, dates and amounts are no cards.
    expect(maskCardNumbers('Rückruf +4915112345678 - 4111 1111 1111 1111').text).toBe('Rückruf +4915112345678 - 41111111******1111');
    for (const text of [
      'tel +491511234567890',
      'Rückruf unter +4915112345678 - 0301234567',
      '192.168.100.200 10.0.0.1',
      'am 01.05.2026 um 10.00',
      'EUR 1.234.567.890,12',
      'Hausnr. 4111 - 1111',
    ]) {
      expect(maskCardNumbers(text)).toEqual({ text, masked: 0 });
    }
  });

  it('in a phone field, only 13-15 digits after 43, 44 or 49 are a phone number written without its +', () => {
    expect(holdsCardNumber('4915112345678', true)).toBe(false);
    // The UK's with its trunk 0 kept: 44 0 7911 123456, which passes Luhn.
    expect(holdsCardNumber('4407911123456', true)).toBe(false);
    expect(holdsCardNumber('4407911123456', false)).toBe(true);
    // An Amex and a 13-digit Visa: no country's numbers are written so.
    expect(holdsCardNumber('378282246310005', true)).toBe(true);
    expect(holdsCardNumber('4222222222222', true)).toBe(true);
    // Printed in groups it is a card, in any field.
    expect(holdsCardNumber('4915 1123 4567 8', true)).toBe(false);
    expect(holdsCardNumber('4111 1111 1111 1111', true)).toBe(true);
  });

  it('finds a zero-padded card number inside a longer run', () => {
    expect(maskCardNumbers('ref 00004111111111111111 ok')).toEqual({ text: 'ref 000041111111******1111 ok', masked: 1 });
  });

  it('leaves addresses, order numbers, IMEIs and phone numbers alone', () => {
    for (const text of [
      'Hauptstraße 5, 10115 Berlin',
      'order 303-1234567-1234564 shipped',
      'IMEI 356938035643809',
      'call +4915112345678',
      'tracking 00340434161094042557',
      'Shopify #5678901234565',
    ]) {
      expect(maskCardNumbers(text)).toEqual({ text, masked: 0 });
    }
  });

  it('leaves uuids alone whose middle groups happen to print like a Luhn-valid card', () => {
    // Found in the 1M-order demo: 3026-4904-9376-3095 passes Luhn in a Diners range, but the 3095 is glued to "f3d4ddc4".
    const uuid = 'e2faa952-3026-4904-9376-3095f3d4ddc4';
    expect(findCardNumbers(uuid)).toEqual([]);
    // Standing alone, the same digits are a card number.
    expect(findCardNumbers('card 3026-4904-9376-3095 declined').map((f) => f.digits)).toEqual(['3026490493763095']);
  });

  it('keeps 8 BIN digits for 16-19 digit numbers and 6 for shorter ones', () => {
    expect(reducedCardNumber('4111111111111111')).toBe('41111111******1111');
    expect(reducedCardNumber('378282246310005')).toBe('378282******0005');
    expect(reducedCardNumber('4222222222222')).toBe('422222******2222');
  });
});

describe('cards a spreadsheet saved as numbers (15 digits kept, the rest zeroed)', () => {
  it('every issued card of 16-19 digits, cut to 15, is still read as that card: whole again at 16, its BIN alone beyond', () => {
    const lengths = fc.constantFrom(16, 17, 18, 19);
    fc.assert(
      fc.property(fc.constantFrom(...CARD_NETWORKS), lengths, fc.stringMatching(/^\d{19}$/), (network, length, filler) => {
        fc.pre(network.lengths.includes(length));
        // A card of this network and length: its prefix, digits, and the check digit that makes it Luhn-valid.
        const prefix = network.iin[0]!.split('-')[0]!;
        const body = (prefix + filler).slice(0, length - 1);
        const card = [...'0123456789'].map((d) => body + d).find((c) => luhnValid(c))!;
        fc.pre(cardNetworkOf(card) === network.network);
        const zeroed = card.slice(0, 15) + '0'.repeat(length - 15);
        // At 16 a zeroed check digit that is the card's own is a whole card; beyond, zeros are never a last 4.
        fc.pre(length > 16 || !(luhnValid(zeroed) && cardNumberDigits(zeroed) !== null));
        const read = cardZeroedBySpreadsheet(zeroed)!;
        expect(read.bin).toBe(card.slice(0, 8));
        expect(read).toEqual(
          length === 16
            ? { bin: card.slice(0, 8), last4: card.slice(-4), reduced: reducedCardNumber(card) }
            : { bin: card.slice(0, 8), last4: '', reduced: `${card.slice(0, 8)}******` },
        );
      }),
      { numRuns: 500 },
    );
  });

  it('is no card when a digit past the fifteenth survived, no network issues that length, or it is no number', () => {
    expect(cardZeroedBySpreadsheet('6212345678901230001')).toBeNull();
    expect(cardZeroedBySpreadsheet('9123456789012340000')).toBeNull();
    // Mastercard is 16 digits only; Amex 15.
    expect(cardZeroedBySpreadsheet('55555555555544400')).toBeNull();
    expect(cardZeroedBySpreadsheet('37828224631000500')).toBeNull();
    expect(cardZeroedBySpreadsheet('62123456789012300000')).toBeNull();
    expect(cardZeroedBySpreadsheet('4.11111E+15')).toBeNull();
    expect(cardZeroedBySpreadsheet(' 6212345678901230000 ')).toEqual({ bin: '62123456', last4: '', reduced: '62123456******' });
    // Cut cards whose zeros pass Luhn: still cut, no last 4.
    for (const cut of ['6212345678901280000', '4123456789012330000', '62123456789012800']) {
      expect(luhnValid(cut)).toBe(true);
      expect(cardZeroedBySpreadsheet(cut)).toEqual({ bin: cut.slice(0, 8), last4: '', reduced: `${cut.slice(0, 8)}******` });
    }
  });
});

/** The pre-check read character by character: what the skipping one must answer. */
function digitRunByEveryCharacter(text: string): boolean {
  const digits = text.replace(/[ \-.\u00a0\u202f\u2009\u2013]{1,3}(?=\d)/g, (gap, at: number) => (at > 0 && /\d/.test(text[at - 1]!) ? '' : gap));
  return /\d{13}/.test(digits);
}

describe('the pre-check for a long digit run', () => {
  it('answers as reading every character would, on text of digits, separators and letters', () => {
    // Arrays sized up to their maximum (fast-check keeps them under 11 items by default, all too
    // short to hold a run), and text made of stretches of digits and separators 10 to 16 long,
    // where a run of 13 starts or ends at every place a skip could miss.
    const char = fc.constantFrom(...'0123456789012345678901234567890123456789  --..\u00a0\u2013ab@x/_'.split(''));
    const loose = fc.array(char, { maxLength: 80, size: 'max' }).map((cs) => cs.join(''));
    const digitish = fc.constantFrom(...'01234567890123456789 -.\u00a0'.split(''));
    const stretch = fc.array(digitish, { minLength: 10, maxLength: 16, size: 'max' }).map((cs) => cs.join(''));
    const breaker = fc.constantFrom('', 'a', 'x.', '@', '    ', '--  ', '/');
    const stretches = fc.array(fc.tuple(breaker, stretch), { minLength: 1, maxLength: 4 }).map((parts) => parts.flat().join(''));
    const lengths = new Set<number>();
    let found = 0;
    fc.assert(
      fc.property(fc.oneof(loose, stretches), (text) => {
        lengths.add(text.length);
        const want = digitRunByEveryCharacter(text);
        if (want) found++;
        expect(hasLongDigitRun(text)).toBe(want);
      }),
      { numRuns: 20000 },
    );
    // The generators reach what the test is about: long texts, and runs found as well as not.
    expect(Math.max(...lengths)).toBeGreaterThan(40);
    expect(found).toBeGreaterThan(1000);
    expect(found).toBeLessThan(19000);
  });

  it('finds printed and plain card numbers anywhere in a text, and not 12 digits or gaps of 4 separators', () => {
    expect(hasLongDigitRun('Anna Schmidt, card 4111 1111 1111 1111 thanks')).toBe(true);
    expect(hasLongDigitRun('x4111111111111')).toBe(true);
    expect(hasLongDigitRun('4111-1111-1111-1 end of a long note')).toBe(true);
    expect(hasLongDigitRun('order 411111111111 and 12 more letters')).toBe(false);
    expect(hasLongDigitRun('4111  1111  1111  1111')).toBe(true);
    expect(hasLongDigitRun('4111.1111.1111.1111')).toBe(true);
    expect(hasLongDigitRun('4111    1111    1111    1111')).toBe(false);
    expect(hasLongDigitRun('melanie.schwarz.1985@example.com')).toBe(false);
  });
});
