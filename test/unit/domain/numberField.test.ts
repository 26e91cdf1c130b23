// A number field reads numbers as the display setting writes them and both habits where they cannot
// be misread: a German 1,5 is 1.5 in every setting (the browser's number field made it 15), 1.500 is
// 1500 in German and 1.5 in English; an emptied field is no number, never 0.
import { describe, expect, it } from 'vitest';
import { numberFieldText, readNumberField, typingOn } from '../../../shared/domain/numberField';

const read = (text: string, locale: 'iso' | 'en-GB' | 'de-DE', rules = {}) => readNumberField(text, locale, rules);
const value = (text: string, locale: 'iso' | 'en-GB' | 'de-DE', rules = {}) => {
  const r = read(text, locale, rules);
  return r.ok ? r.value : r.problem;
};

describe('number field', () => {
  it('reads a decimal comma as a decimal in every setting, never as a thousands mark it cannot be', () => {
    for (const locale of ['iso', 'en-GB', 'de-DE'] as const) {
      expect(value('1,5', locale)).toBe(1.5);
      expect(value('0,25', locale)).toBe(0.25);
      expect(value('1.5', locale)).toBe(1.5);
      expect(value('12', locale)).toBe(12);
      expect(value(' -2,75 ', locale)).toBe(-2.75);
    }
  });

  it("reads the setting's thousands mark before three digits as thousands, its decimal mark as a decimal", () => {
    expect(value('1.500', 'de-DE')).toBe(1500);
    expect(value('1,500', 'de-DE')).toBe(1.5);
    expect(value('1,500', 'en-GB')).toBe(1500);
    expect(value('1.500', 'en-GB')).toBe(1.5);
    expect(value('1,500', 'iso')).toBe(1500);
    expect(value('1.234.567', 'de-DE')).toBe(1234567);
    expect(value('1,234,567', 'en-GB')).toBe(1234567);
    expect(value('1.234,5', 'de-DE')).toBe(1234.5);
    expect(value('1,234.5', 'de-DE')).toBe(1234.5);
    expect(value('10 000', 'de-DE')).toBe(10000);
    expect(value("10'000", 'en-GB')).toBe(10000);
    // A leading zero does not start a thousands group: 0,500 is a half in English too.
    expect(value('0,500', 'en-GB')).toBe(0.5);
  });

  it('takes an empty field as no number, never as 0', () => {
    expect(read('', 'de-DE')).toEqual({ ok: true, value: null });
    expect(read('   ', 'iso')).toEqual({ ok: true, value: null });
  });

  it('says why it cannot read a number, in the way the setting writes one', () => {
    expect(read('abc', 'de-DE')).toEqual({ ok: false, problem: 'Enter a number, e.g. 1,5' });
    expect(read('1,2,3', 'en-GB')).toEqual({ ok: false, problem: 'Enter a number, e.g. 1.5' });
    expect(read('1.2.3', 'de-DE')).toEqual({ ok: false, problem: 'Enter a number, e.g. 1,5' });
    expect(read('12,34.5', 'en-GB')).toMatchObject({ ok: false });
    expect(read('5%', 'iso')).toMatchObject({ ok: false });
    expect(read('.', 'iso')).toMatchObject({ ok: false });
    expect(read('1e3', 'iso')).toMatchObject({ ok: false });
  });

  it('holds whole-number fields and limits, naming them', () => {
    expect(read('2,5', 'de-DE', { integer: true })).toEqual({ ok: false, problem: 'Enter a whole number, e.g. 12' });
    expect(value('1.500', 'de-DE', { integer: true })).toBe(1500);
    // 1.000 in English is one, to a German reader a thousand: a whole-number field takes neither.
    expect(read('1.000', 'en-GB', { integer: true })).toEqual({ ok: false, problem: 'Enter a whole number, e.g. 12' });
    expect(read('12,0', 'de-DE', { integer: true })).toMatchObject({ ok: false });
    expect(read('1', 'iso', { integer: true, min: 2, max: 10000 })).toEqual({ ok: false, problem: 'Enter a whole number from 2 to 10000' });
    expect(read('0', 'de-DE', { min: 0.5 })).toEqual({ ok: false, problem: 'Enter a number of at least 0,5' });
    expect(read('120', 'iso', { max: 100 })).toEqual({ ok: false, problem: 'Enter a number of at most 100' });
    expect(value('2', 'iso', { integer: true, min: 2, max: 10000 })).toBe(2);
  });

  it('writes a number with the setting decimal mark and no thousands marks, and reads back what it writes', () => {
    expect(numberFieldText(1.5, 'de-DE')).toBe('1,5');
    expect(numberFieldText(1500, 'de-DE')).toBe('1500');
    expect(numberFieldText(0.1 + 0.2, 'en-GB')).toBe('0.3');
    expect(numberFieldText(null, 'iso')).toBe('');
    for (const locale of ['iso', 'en-GB', 'de-DE'] as const)
      for (const n of [0, 1.5, 1500, 1234.5678, -3.25, 0.015, 1_000_000]) expect(value(numberFieldText(n, locale), locale)).toBe(n);
  });

  it('knows text still being typed: a sign or a trailing mark', () => {
    expect(['', '-', '1,', '12.'].map((t) => typingOn(t))).toEqual([true, true, true, true]);
    expect(['1', '1,5', 'x'].map((t) => typingOn(t))).toEqual([false, false, false]);
  });
});
