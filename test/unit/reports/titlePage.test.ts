// The PDF's first page says what the figures after it qualify: a previous span the cache covers
// only in part (the cards mark it, the first page printed its fraud rate as whole), the partial
// data notes, and the programme thresholds the KPI months were judged against.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { kpiReport } from '../../../shared/reports/kpi';
import { DEFAULT_THRESHOLDS, programmeMonths } from '../../../shared/reports/programmes';
import type { Shown } from '../../../renderer/src/features/reports/shownReport';
import { DISPUTES, fixtureTrend, ORDERS, RANGE } from '../../support/reportFixture';

const DAY = 86_400_000;

async function titlePage(shown: Shown): Promise<string> {
  // The views reach the app's stores, which read the window's location when loaded.
  vi.stubGlobal('location', { hash: '' });
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {}, location: { hash: '' } });
  const { TitlePage } = await import('../../../renderer/src/features/reports/TitlePage');
  // Each <dt> and <dd> as `Term: text`, one a line.
  return renderToStaticMarkup(createElement(TitlePage, { shown }))
    .replace(/<\/dt>/g, ': ')
    .replace(/<\/dd>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'");
}

const trend = () => fixtureTrend();

const shownTrend = (dataSpan: { min: number; max: number }): Shown => ({
  kind: 'fraud-trend',
  figures: { report: trend(), rings: null, sources: [], dataSpan },
  dataHash: 'h',
  snapshot: null,
});

describe('the title page', () => {
  it('of a trend whose previous span the cache covers only in part says so, beside its fraud rate too', async () => {
    // The previous span, 2026-W43 and W44, starts on Monday 19 October; the first cached order (A4) is on the 20th.
    const text = await titlePage(shownTrend({ min: Date.UTC(2026, 9, 20, 10), max: RANGE.to - DAY }));
    expect(text).toContain('Compared with: 2026-10-19 to 2026-11-01, covered only in part: no change is shown against it\n');
    expect(text).toContain('Partial data: The previous span starts before the first cached order (2026-10-20), so its figures cover only part of it.\n');
    // 4 of the range's 9 orders and 1 of the previous span's 3 confirmed fraud (as fraudTrend.test.ts works them out).
    expect(text).toContain('Fraud rate: 44.44 % (4 of 9 orders); previous span 33.33 % (partial)\n');
  });

  it('of a trend the cache covers wholly says nothing of the kind', async () => {
    const text = await titlePage(shownTrend({ min: Date.UTC(2026, 9, 19), max: RANGE.to - DAY }));
    expect(text).toContain('Compared with: 2026-10-19 to 2026-11-01\n');
    expect(text).not.toContain('Partial data');
    expect(text).toContain('Fraud rate: 44.44 % (4 of 9 orders); previous span 33.33 %\n');
  });

  it('of a trend names the date of the rates its values were converted at, as the KPI report does', async () => {
    // The rates are edited data (Reports → Thresholds and rates): without their date the reader cannot tell which were used.
    const shown: Shown = {
      kind: 'fraud-trend',
      figures: { report: fixtureTrend({ ratesAsOf: '2026-11-02' }), rings: null, sources: [], dataSpan: { min: Date.UTC(2026, 9, 19), max: RANGE.to - DAY } },
      dataHash: 'h',
      snapshot: null,
    };
    expect(await titlePage(shown)).toContain(
      'Filters: All orders in the cache, split by marketplace; values in EUR (other currencies at PLN 0.25, rates of 2026-11-02)\n',
    );
  });

  it('of a KPI report names the programme thresholds its months were judged against', async () => {
    const months = programmeMonths(ORDERS, DISPUTES, DEFAULT_THRESHOLDS);
    const report = kpiReport({
      ...RANGE,
      slaHours: 24,
      decisions: [],
      placedAt: new Map(),
      ordersPlaced: 0,
      disputes: DISPUTES,
      submittedAt: new Map(),
      programmes: months,
      thresholds: DEFAULT_THRESHOLDS,
    });
    const text = await titlePage({ kind: 'kpi', figures: { report, sources: [] }, dataHash: 'h', snapshot: null });
    // November 2026: VAMP at the 1.50 % of April 2026 (the 2.20 % row it replaced judged no month here); ECM and HECM.
    expect(text).toContain(
      'Programme thresholds: Visa VAMP, excessive: 1.50 % and 1,500 a month, from 2026-04; Mastercard ECM, ECM: 1.50 % and 100 a month, from 2019-01; Mastercard ECM, HECM: 3.00 % and 300 a month, from 2019-01\n',
    );
  });
});
