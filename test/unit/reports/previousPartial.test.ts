// A fraud trend whose previous span starts before the first cached order compares with figures that
// cover only part of that span: the cards show no change against it (FraudTrendView).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { partialData, previousIsPartial } from '../../../renderer/src/features/reports/trendChartData';
import { fixtureTrend } from '../../support/reportFixture';

const DAY = 86_400_000;

const report = () => fixtureTrend();

describe('previous span covered only in part', () => {
  const r = report();
  // The range is 2026-W45 to W46; the previous span W43 to W44 starts on Monday 19 October.
  const previousFrom = r.previous[0]!.from;
  const max = r.periods.at(-1)!.to - DAY;

  it('is partial when the first cached order comes after its start', () => {
    const span = { min: previousFrom + 3 * DAY, max };
    expect(previousIsPartial(r, span)).toBe(true);
    expect(partialData(r, span)[0]).toMatch(/^the previous span starts before the first cached order/);
  });

  it('is whole when the cache starts on its first day or before, and unknown (a snapshot saved before) without a span', () => {
    expect(previousIsPartial(r, { min: previousFrom, max })).toBe(false);
    expect(previousIsPartial(r, null)).toBe(false);
  });
});

describe('the tables against a previous span covered only in part', () => {
  async function rendered(dataSpan: { min: number; max: number }): Promise<string> {
    // The views reach the app's stores, which read the window's location when loaded.
    vi.stubGlobal('location', { hash: '' });
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {}, location: { hash: '' } });
    const { FraudTrendView } = await import('../../../renderer/src/features/reports/FraudTrendView');
    return renderToStaticMarkup(createElement(FraudTrendView, { report: report(), rings: null, dataSpan, stamp: 's' }));
  }
  /** The cells of the table with `testId`, row by row, as text. */
  function rows(html: string, testId: string): string[][] {
    const table = html.split(`data-testid="${testId}"`)[1]!.split('</table>')[0]!;
    return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((td) => td[1]!.replace(/<[^>]+>/g, '')));
  }
  const r = report();
  const max = r.periods.at(-1)!.to - DAY;

  it('mark the previous figures partial and show no change, as the cards do', async () => {
    // The first cached order is A4, Tuesday 20 October 10:00: the previous span (from Monday 19 October) lacks its first day.
    const html = await rendered({ min: Date.UTC(2026, 9, 20, 10), max });
    // Amazon: 0 of 3 orders fraud now; before, A4 of 1 (its fraud chargeback): 100 % of a span the cache does not wholly hold.
    const amazon = rows(html, 'trend-by-group').find((c) => c[0] === 'Amazon')!;
    expect(amazon.slice(5, 8)).toEqual(['0.00 %', '100.00 % (partial)', '–']);
    // Fraud chargebacks: 2 in the range (dp_S3, dp_X), 1 before (dp_A4): no "+100.0 %" against a partial span.
    const fraud = rows(html, 'trend-by-family').find((c) => c[0] === 'Fraud')!;
    expect(fraud.slice(1)).toEqual(['2', '€85.00', '1 (partial)', '€120.00 (partial)', '–']);
  });

  it('show the change when the cache holds the whole previous span', async () => {
    const html = await rendered({ min: r.previous[0]!.from, max });
    expect(
      rows(html, 'trend-by-group')
        .find((c) => c[0] === 'Amazon')!
        .slice(5, 8),
    ).toEqual(['0.00 %', '100.00 %', '−100.00 pp']);
    expect(
      rows(html, 'trend-by-family')
        .find((c) => c[0] === 'Fraud')!
        .slice(1),
    ).toEqual(['2', '€85.00', '1', '€120.00', '+100.0 %']);
  });
});
