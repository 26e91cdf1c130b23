import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMoney,
  formatPercent,
  localeOfSystem,
  setDisplayLocale,
  showDate,
  showDateTime,
} from '../../../shared/domain/money';

const t = Date.UTC(2026, 4, 1, 9, 5);
afterEach(() => setDisplayLocale('iso'));

describe('display locale', () => {
  it('ISO by default: the formats every test and export relies on', () => {
    expect([formatMoney(123456, 'EUR'), formatCount(1234567), showDate(t), showDateTime(t)]).toEqual([
      '€1,234.56',
      '1,234,567',
      '2026-05-01',
      '2026-05-01 09:05',
    ]);
  });

  it('German: 1.234,56 €, 1.234.567, 01.05.2026', () => {
    setDisplayLocale('de-DE');
    expect(formatMoney(123456, 'EUR').replace(/\s/g, ' ')).toBe('1.234,56 €');
    expect(formatMoney(99, 'GBP').replace(/\s/g, ' ')).toBe('0,99 £');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect([showDate(t), showDateTime(t)]).toEqual(['01.05.2026', '01.05.2026 09:05']);
  });

  it('British English: €1,234.56, 01/05/2026', () => {
    setDisplayLocale('en-GB');
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
    expect([showDate(t), showDateTime(t)]).toEqual(['01/05/2026', '01/05/2026 09:05']);
  });

  it('decimals and percentages follow the setting: 1,234.5 and 0.00 % in ISO, 1.234,5 and 0,00 % in German', () => {
    expect([formatDecimal(1234.5, 1), formatPercent(0), formatPercent(0.01234), formatPercent(0.5, 1), formatPercent(null)]).toEqual([
      '1,234.5',
      '0.00 %',
      '1.23 %',
      '50.0 %',
      '–',
    ]);
    setDisplayLocale('de-DE');
    expect([formatDecimal(1234.5, 1), formatPercent(0), formatPercent(0.01234), formatPercent(0.5, 1)]).toEqual(['1.234,5', '0,00 %', '1,23 %', '50,0 %']);
    // A chart axis drops the zeros it need not show; a value rounding to zero has no minus.
    expect([formatDecimal(1.5, 2, 0), formatDecimal(2, 2, 0), formatDecimal(-0.04, 1)]).toEqual(['1,5', '2', '0,0']);
    setDisplayLocale('en-GB');
    expect(formatPercent(0.01234)).toBe('1.23 %');
  });

  it('inputs, file names and machine-read text stay ISO whatever is shown', () => {
    setDisplayLocale('de-DE');
    expect([formatDate(t), formatDateTime(t)]).toEqual(['2026-05-01', '2026-05-01 09:05']);
  });

  it('the system languages decide when the analyst has not', () => {
    expect(localeOfSystem(['de-AT', 'en'])).toBe('de-DE');
    expect(localeOfSystem(['en-GB'])).toBe('en-GB');
    expect(localeOfSystem(['en-US', 'de'])).toBe('iso');
    expect(localeOfSystem(['fr-FR', 'de-DE'])).toBe('de-DE');
    expect(localeOfSystem([])).toBe('iso');
  });
});
