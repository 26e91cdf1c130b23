// The printed report's first page: what it shows, over which period and filters, from which data,
// and the hashes (snapshot, data, decision log) that let a reader check the PDF later. Print only.
import { formatCount, sentenceCase, showDate, showDateTime } from '../../../../shared/domain/money';
import { DIMENSION_LABEL, fraudRate } from '../../../../shared/reports/fraudTrend';
import type { KpiReport } from '../../../../shared/reports/kpi';
import { valuesInWords } from '../../../../shared/reports/sources';
import { thresholdsApplied } from '../../../../shared/reports/programmes';
import { PROGRAMME_LABEL } from './KpiView';
import { decisionLogText, partialText } from './figureText';
import { pct } from './reportParts';
import { partialData, previousIsPartial } from './trendChartData';
import { DAY, titleOf, type Shown } from './shownReport';

/** The PDF's first page: what, when, from what, and the snapshot's hash. Print only. */
export function TitlePage({ shown }: { shown: Shown }) {
  const snap = shown.snapshot;
  const isTrend = shown.kind === 'fraud-trend';
  const t = isTrend ? shown.figures.report : null;
  const k = isTrend ? null : (shown.figures.report as KpiReport);
  // The cards and tables mark a previous span the cache covers only in part: so does the first page.
  const dataSpan = isTrend ? (shown.figures.dataSpan ?? null) : null;
  const partial = t ? partialData(t, dataSpan) : [];
  const previousPartial = t ? previousIsPartial(t, dataSpan) : false;
  return (
    <section className="print-only title-page" aria-hidden="true">
      <p className="title-brand">Fraud Workbench</p>
      <h1>{titleOf(shown)}</h1>
      <dl>
        {t ? (
          <>
            <dt>Period</dt>
            <dd>
              {showDate(t.periods[0]!.from)} to {showDate(t.periods.at(-1)!.to - DAY)} ({t.periods.length} {t.params.period === 'week' ? 'ISO weeks' : 'months'}
              , {t.periods[0]!.label} to {t.periods.at(-1)!.label}), UTC
            </dd>
            <dt>Compared with</dt>
            <dd>
              {showDate(t.previous[0]!.from)} to {showDate(t.previous.at(-1)!.to - DAY)}
              {previousPartial && ', covered only in part: no change is shown against it'}
            </dd>
            {partial.length > 0 && (
              <>
                <dt>Partial data</dt>
                <dd>{sentenceCase(`${partial.join('; ')}.`)}</dd>
              </>
            )}
            <dt>Filters</dt>
            <dd>
              All orders in the cache, split by {DIMENSION_LABEL[t.params.dimension].toLowerCase()};{' '}
              {valuesInWords(t.params.currency, t.params.rates, t.params.ratesAsOf)}
            </dd>
            <dt>Fraud rate</dt>
            <dd>
              {pct(fraudRate(t.total))} ({formatCount(t.total.fraudOrders)} of {formatCount(t.total.orders)} orders); previous span{' '}
              {pct(fraudRate(t.previousTotal))}
              {previousPartial && ' (partial)'}
            </dd>
          </>
        ) : (
          <>
            <dt>Period</dt>
            <dd>
              {showDate(k!.from)} to {showDate(k!.to - DAY)}, UTC
            </dd>
            {k!.partial && (
              <>
                <dt>Partial data</dt>
                <dd>{sentenceCase(partialText(k!))}</dd>
              </>
            )}
            <dt>Filters</dt>
            <dd>
              All orders, decisions and disputes in the cache; decision target {k!.slaHours} h
              {k!.convertedAt ? `; ${valuesInWords(k!.convertedAt.currency, k!.convertedAt.rates, k!.convertedAt.asOf)}` : ''}
            </dd>
            <dt>Programme thresholds</dt>
            <dd>{thresholdsText(k!)}</dd>
          </>
        )}
        <dt>Data sources</dt>
        <dd>
          <ul>
            {shown.figures.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </dd>
        <dt>Snapshot</dt>
        <dd className="mono">{snap ? `#${snap.id}, saved ${showDateTime(snap.createdAt)} UTC by ${snap.analyst}` : 'not saved'}</dd>
        <dt>Snapshot hash</dt>
        <dd className="mono">{snap?.hash ?? '–'}</dd>
        <dt>Data hash</dt>
        <dd className="mono">{shown.dataHash}</dd>
        <dt>Decision log</dt>
        <dd className="mono">{decisionLogText(snap?.logHead)}</dd>
      </dl>
    </section>
  );
}

/** The thresholds that judged the report's programme months, in one line: `Visa VAMP, excessive: 1.50 % and 1,500 a month, from 2026-04; …`. */
function thresholdsText(k: KpiReport): string {
  const applied = thresholdsApplied(k.programmes, k.thresholds);
  if (applied.length === 0) return k.programmes.length ? 'none in force in the months of the period' : 'no programme month in the period';
  return applied
    .map((t) => `${PROGRAMME_LABEL[t.programme]}, ${t.level}: ${pct(t.ratio, 2)} and ${formatCount(t.count)} a month, from ${t.effectiveFrom}`)
    .join('; ');
}

/** A phrase as a sentence of its own: its first letter upper case. */
