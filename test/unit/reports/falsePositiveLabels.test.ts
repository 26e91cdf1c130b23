// What the KPI report says a false positive is, against what it counts (reviewKpis / teamKpis):
// a held order finally released and not confirmed fraud since, or finally cancelled though its
// known outcome is legitimate. The labels named only the first, so a reader could not tell that a
// good customer turned away was counted too.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionEntry } from '../../../shared/decisions/chain';
import { kpiReport } from '../../../shared/reports/kpi';

const H = 3_600_000;
const T = Date.UTC(2026, 5, 1);
const e = (seq: number, orderKey: string, decision: DecisionEntry['decision'], analyst: string): DecisionEntry => ({
  seq,
  orderKey,
  decision,
  reasonCode: '',
  note: '',
  analyst,
  at: T + seq * H,
  score: 50,
  matrixVersion: 1,
  undoes: null,
  prevHash: '',
  hash: '',
});

async function views() {
  // The views reach the app's stores, which read the window's location when loaded.
  vi.stubGlobal('location', { hash: '' });
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {}, location: { hash: '' } });
  return { ...(await import('../../../renderer/src/features/reports/KpiView')), ...(await import('../../../renderer/src/features/reports/TeamKpisView')) };
}

describe('false positives as the KPI report names them', () => {
  it('say a cancelled order known legitimate counts, as the figure counts it', async () => {
    const { KpiView, TeamKpisView } = await views();
    // o1 held by A then cancelled by A, known legitimate: a false positive. o2 released by B. Rate 1 of 1 held.
    const report = kpiReport({
      from: T,
      to: T + 48 * H,
      slaHours: 24,
      decisions: [e(1, 'o1', 'hold', 'A'), e(2, 'o1', 'cancel', 'A'), e(3, 'o2', 'release', 'B')],
      placedAt: new Map([
        ['o1', T],
        ['o2', T],
      ]),
      ordersPlaced: 2,
      disputes: [],
      submittedAt: new Map(),
      programmes: [],
      thresholds: [],
      knownLegit: new Set(['o1']),
    });
    expect(report.review.falsePositiveRate).toBe(1);
    const text = (el: ReturnType<typeof createElement>) => renderToStaticMarkup(el).replace(/<[^>]+>/g, ' ');
    expect(text(createElement(KpiView, { report, stamp: 's' }))).toMatch(/False positives\s+100\.0 %\s+[^<]*cancelled though known legitimate/);
    expect(text(createElement(TeamKpisView, { team: report.team!, slaHours: 24, stamp: 's' }))).toMatch(
      /False positives: [^.]*cancelled though known legitimate/,
    );
  });
});
