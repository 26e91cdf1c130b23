// The date field reads and writes dates as the display setting does: 03.04.2026 in German,
// 3 Apr 2026 in British English, ISO otherwise; a slashed date that could be either way round is
// refused with both readings, never guessed; a day that does not exist is named.
import { describe, expect, it } from 'vitest';
import { dateFieldHint, dateFieldText, readDateField, stepDay, typedToTheEnd } from '../../../shared/time/dateField';

const APR3 = Date.UTC(2026, 3, 3);
const at = (text: string, locale: 'iso' | 'en-GB' | 'de-DE', withTime = false) => readDateField(text, locale, withTime);

describe('date field', () => {
  it('writes a date as each setting does, with its hint', () => {
    expect([dateFieldText(APR3, 'de-DE'), dateFieldText(APR3, 'en-GB'), dateFieldText(APR3, 'iso')]).toEqual(['03.04.2026', '3 Apr 2026', '2026-04-03']);
    expect(dateFieldText(Date.UTC(2026, 11, 31, 23, 5), 'de-DE', true)).toBe('31.12.2026 23:05');
    expect([dateFieldHint('de-DE'), dateFieldHint('en-GB'), dateFieldHint('iso', true)]).toEqual(['dd.mm.yyyy', 'd Mon yyyy', 'yyyy-mm-dd hh:mm']);
  });

  it('reads what it writes, in every setting, and ISO and month names everywhere', () => {
    for (const locale of ['iso', 'en-GB', 'de-DE'] as const) {
      expect(at(dateFieldText(APR3, locale), locale)).toEqual({ ok: true, at: APR3 });
      expect(at('2026-04-03', locale)).toEqual({ ok: true, at: APR3 });
      expect(at('3 April 2026', locale)).toEqual({ ok: true, at: APR3 });
      expect(at('3. Apr. 2026', locale)).toEqual({ ok: true, at: APR3 });
    }
    expect(at('3.4.2026', 'de-DE')).toEqual({ ok: true, at: APR3 });
    expect(at('1. März 2026', 'de-DE')).toEqual({ ok: true, at: Date.UTC(2026, 2, 1) });
    expect(at('03/04/2026', 'en-GB')).toEqual({ ok: true, at: APR3 });
    expect(at('  ', 'de-DE')).toEqual({ ok: true, at: null });
  });

  it('refuses a slashed date that reads two ways where the setting does not say which, naming both', () => {
    expect(at('03/04/2026', 'de-DE')).toEqual({
      ok: false,
      problem: '03/04/2026 could be 3 April or 4 March: write it as dd.mm.yyyy, e.g. 03.04.2026',
    });
    expect(at('03/04/2026', 'iso')).toMatchObject({ ok: false, problem: expect.stringContaining('write it as yyyy-mm-dd, e.g. 2026-04-03') });
  });

  it('names a day that does not exist, and says how to write one it cannot read', () => {
    expect(at('31.02.2026', 'de-DE')).toEqual({ ok: false, problem: 'No such day: 31.02.2026' });
    expect(at('2026-13-01', 'iso')).toEqual({ ok: false, problem: 'No such day: 2026-13-01' });
    // Date.UTC reads years 0-99 as 19xx: 03.04.0026 is refused, not taken as 3 April 1926.
    expect(at('03.04.0026', 'de-DE')).toEqual({ ok: false, problem: '03.04.0026 is in the year 26: write the year in full, as dd.mm.yyyy, e.g. 03.04.2026' });
    expect(at('0099-12-31', 'iso')).toMatchObject({ ok: false, problem: expect.stringContaining('is in the year 99') });
    expect(at('3 Apr 1899', 'en-GB')).toMatchObject({ ok: false, problem: expect.stringContaining('is in the year 1899') });
    expect(at('01.01.1900', 'de-DE')).toEqual({ ok: true, at: Date.UTC(1900, 0, 1) });
    expect(at('tomorrow', 'en-GB')).toEqual({ ok: false, problem: 'Write the date as d Mon yyyy, e.g. 3 Apr 2026' });
    expect(at('3.4.26', 'de-DE')).toEqual({ ok: false, problem: 'Write the date as dd.mm.yyyy, e.g. 03.04.2026' });
    expect(at('3 Foo 2026', 'iso')).toMatchObject({ ok: false });
    // A time only where the field asks for one.
    expect(at('2026-04-03 10:00', 'iso')).toMatchObject({ ok: false });
  });

  it('reads a time in UTC where the field asks for one; the day alone is its start', () => {
    expect(at('03.04.2026 14:30', 'de-DE', true)).toEqual({ ok: true, at: Date.UTC(2026, 3, 3, 14, 30) });
    expect(at('2026-11-17T10:00', 'iso', true)).toEqual({ ok: true, at: Date.UTC(2026, 10, 17, 10) });
    expect(at('3 Apr 2026', 'en-GB', true)).toEqual({ ok: true, at: APR3 });
    expect(at('03.04.2026 24:00', 'de-DE', true)).toEqual({ ok: false, problem: 'No such time: 24:00' });
  });

  it('takes a date while typing only once it is typed to its end', () => {
    expect(['2026-04-1', '2026-04-15', '3.4.202', '3.4.2026', '3 Apr 2026'].map((t) => typedToTheEnd(t))).toEqual([false, true, false, true, true]);
    expect([typedToTheEnd('2026-11-17T10:0', true), typedToTheEnd('2026-11-17T10:00', true)]).toEqual([false, true]);
  });

  it('steps a day at a time across a month end', () => {
    expect(stepDay(Date.UTC(2026, 3, 30), 1)).toBe(Date.UTC(2026, 4, 1));
    expect(stepDay(Date.UTC(2026, 0, 1), -1)).toBe(Date.UTC(2025, 11, 31));
  });
});
