// A whole number typed into a settings field is read as typed: a German decimal comma is refused
// with a word, never read as 125 (what a number field made of 12,5), and an empty box is not 0.
import { describe, expect, it } from 'vitest';
import { readWholeNumber } from '../../../shared/domain/wholeNumber';

const months = (text: string) => readWholeNumber(text, { min: 0, max: 240, unit: 'months' });

describe('readWholeNumber', () => {
  it.each([
    ['0', 0],
    ['6', 6],
    [' 12 ', 12],
    ['240', 240],
    ['+3', 3],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(months(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['12,5', '12,5 is not a whole number of months: type 12 or 13.'],
    ['12.5', '12.5 is not a whole number of months: type 12 or 13.'],
    [',5', ',5 is not a whole number of months: type 0 or 1.'],
    ['', 'Type the number of months, from 0 to 240.'],
    ['   ', 'Type the number of months, from 0 to 240.'],
    ['zwölf', 'zwölf is not a number of months: type one from 0 to 240.'],
    ['1e1', '1e1 is not a number of months: type one from 0 to 240.'],
    ['1.000', '1.000 is not a plain number of months: type digits only, from 0 to 240.'],
    ['0,125', '0,125 is not a whole number of months: type 0 or 1.'],
    ['-1', 'The number of months is from 0 to 240, not -1.'],
    ['241', 'The number of months is from 0 to 240, not 241.'],
    ['99999999999999999999', 'The number of months is from 0 to 240, not 99999999999999999999.'],
  ])('refuses %j: %s', (text, problem) => {
    expect(months(text)).toEqual({ ok: false, problem });
  });
});
