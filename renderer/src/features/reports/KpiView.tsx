// The KPI report: review throughput and quality, disputes and their outcomes, and the card-network
// programme months against their dated thresholds. Renders computed figures or a snapshot alike.
import { CARD_NETWORKS } from '../../../../shared/domain/dispute';
import { networkName, REASON_FAMILIES, REASON_FAMILY_LABEL } from '../../../../shared/disputes/reasonCodes';
import { countOf, formatCount, formatDate, formatDecimal, formatMoney, showDate } from '../../../../shared/domain/money';
import type { DisputeFigures } from '../../../../shared/reports/disputeKpis';
import type { KpiReport, PartialPeriod } from '../../../../shared/reports/kpi';
import type { ReviewKpis } from '../../../../shared/reports/reviewKpis';
import { major } from '../../../../shared/reports/fraudTrend';
import { valuesInWords } from '../../../../shared/reports/sources';
import { TOO_FEW_DECIDED, type DisputeWins, type WinCount } from '../../../../shared/reports/disputeWins';
import {
  EARLY_WARNING,
  programmeRatioText,
  reachesRatio,
  thresholdsApplied,
  thresholdsInForce,
  type ProgrammeMonth,
  type Threshold,
} from '../../../../shared/reports/programmes';
import { partialText } from './figureText';
import { Figure, hours, pct, ReportTable } from './reportParts';
import { TeamKpisView } from './TeamKpisView';

export const PROGRAMME_LABEL: Record<ProgrammeMonth['programme'], string> = { 'visa-vamp': 'Visa VAMP', 'mastercard-ecm': 'Mastercard ECM' };
const STATE_LABEL: Record<ProgrammeMonth['state'], string> = {
  ok: 'OK',
  'early-warning': 'Early warning',
  over: 'Over threshold',
  'no-transactions': 'No transactions to compare',
};
/** Why a month over a threshold's ratio is still OK: the programme also needs a count. */
function belowCount(m: ProgrammeMonth, thresholds: readonly Threshold[]): string {
  const lowest = thresholdsInForce(m.programme, m.month, thresholds).sort((a, b) => a.ratio - b.ratio)[0];
  if (!lowest) return 'no threshold in force';
  if (m.ratio === null) return m.numerator > 0 ? 'no transactions in the data to divide by' : '–';
  return reachesRatio(m.ratio, lowest.ratio) ? `ratio over ${programmeRatioText(lowest.ratio)}, count under ${formatCount(lowest.count)}` : '–';
}

/** `5 / 11 (2 accepted) · 3 time unknown`: answered by the deadline, of those due or answered, the accepts among them. */
function answeredCell(f: DisputeFigures): string {
  const unknown = (f.answerTimeUnknown ?? 0) + (f.acceptedTimeUnknown ?? 0);
  return (
    `${formatCount(f.respondedInTime)} / ${formatCount(f.respondable)}` +
    (f.acceptedInTime ? ` (${formatCount(f.acceptedInTime)} accepted)` : '') +
    (unknown ? ` · ${formatCount(unknown)} time unknown` : '')
  );
}

/**
 * What the answered-by-the-deadline figure counts, in words: answered is submitted or accepted (not
 * contested) by the deadline, of the chargebacks due by now or answered already; and what is left out.
 * A snapshot saved before accepts counted (no acceptedInTime) says what it counted then.
 */
function answeredText(f: DisputeFigures): string {
  const parts = [`${formatCount(f.respondedInTime)} of ${countOf(f.respondable, 'chargeback')} due by now or answered already`];
  if (f.acceptedInTime !== undefined)
    parts.push(`in time: ${formatCount(f.respondedInTime - f.acceptedInTime)} submitted, ${formatCount(f.acceptedInTime)} accepted (not contested)`);
  else parts.push('submitted in time (saved before accepts counted as answers)');
  if (f.answerTimeUnknown)
    parts.push(`${formatCount(f.answerTimeUnknown)} imported as submitted, won or lost with no submission logged: when answered is unknown, left out`);
  if (f.acceptedTimeUnknown)
    parts.push(`${formatCount(f.acceptedTimeUnknown)} imported as accepted with no accept logged: by choice or by lapse is unknown, left out`);
  return parts.join(' · ');
}

function disputeRow(name: string, f: DisputeFigures, money: (m: number) => string): (string | number)[] {
  return [
    name,
    formatCount(f.opened),
    money(f.openedValueMinor),
    answeredCell(f),
    formatCount(f.won),
    formatCount(f.lost),
    formatCount(f.accepted),
    pct(f.winRate, 1),
    pct(f.winRateByValue, 1),
  ];
}

/**
 * Columns added after the CSV was first published go after its last one (currency): a reader that
 * takes the columns by position keeps reading the same figures.
 */
const DISPUTE_HEADER_ADDED = ['accepted_in_time', 'accepted_time_unknown'];
const addedCsv = (f: DisputeFigures) => [f.acceptedInTime ?? null, f.acceptedTimeUnknown ?? null];

/** A row of the disputes CSV; the value in major units of `currency`, empty when the disputes are in several. */
function disputeCsv(name: string, f: DisputeFigures, currency: string | null): (string | number | null)[] {
  return [
    name,
    f.opened,
    currency ? major(f.openedValueMinor, currency) : null,
    f.respondable,
    f.respondedInTime,
    f.answerTimeUnknown ?? null,
    f.won,
    f.lost,
    f.accepted,
    f.winRate,
    f.winRateByValue,
  ];
}

const DISPUTE_COLUMNS = [
  { label: '' },
  { label: 'Opened', right: true },
  { label: 'Value', right: true },
  { label: 'Answered by the deadline', right: true },
  { label: 'Won', right: true },
  { label: 'Lost', right: true },
  { label: 'Accepted', right: true },
  { label: 'Win rate', right: true },
  { label: 'by value', right: true },
];
const DISPUTE_HEADER = [
  'group',
  'opened',
  'opened_value',
  'respondable',
  'responded_in_time',
  'answer_time_unknown',
  'won',
  'lost',
  'accepted',
  'win_rate',
  'win_rate_by_value',
];

export function KpiView({ report, stamp }: { report: KpiReport; stamp: string }) {
  const r = report.review;
  const d = report.disputes;
  const cur = d.currency ?? '';
  // No currency means several, or none at all: with no disputes there is no value to show.
  const money = (m: number) =>
    // Amounts in several currencies do not add up: the table says so instead of a sum of unlike units.
    d.currency ? formatMoney(m, d.currency) : d.all.opened === 0 ? 'none in the period' : 'several currencies';
  const families = REASON_FAMILIES.filter((f) => d.byFamily[f]);
  // Only the rows that judged a month of this report: a row a later one replaced judged none of them.
  const applied = thresholdsApplied(report.programmes, report.thresholds);
  // Each month's count is on both of its programme rows: count it once, from the VAMP rows.
  const unknownNetwork = report.programmes.reduce((n, m) => n + (m.programme === 'visa-vamp' ? (m.unknownNetwork ?? 0) : 0), 0);
  const networks = CARD_NETWORKS.filter((n) => d.byNetwork[n]);
  // Converted values say so wherever they stand, a card or a table copied on its own included.
  const conv = report.convertedAt;
  const valuesIn = conv ? valuesInWords(conv.currency, conv.rates, conv.asOf) : null;
  const withValuesIn = (text: string) => (valuesIn ? `${text} · ${valuesIn}` : text);
  const tableCaption = valuesIn ? `${valuesIn[0]!.toUpperCase()}${valuesIn.slice(1)}.` : undefined;
  return (
    <div className="report-body">
      {report.partial && (
        <p className="warn small" data-testid="partial-data">
          Partial data: {partialText(report)}
        </p>
      )}
      <h2 className="report-h2">Review</h2>
      <div className="figures">
        <Figure label="Orders reviewed" value={formatCount(r.reviewed)} sub={reviewedText(r)} />
        <Figure
          label="Turnaround"
          value={hours(r.turnaroundMedianH)}
          sub={`median · p90 ${hours(r.turnaroundP90H)} · target ${report.slaHours} h${beforePlaced(r.decidedBeforePlaced)}`}
        />
        <Figure label="Decided within target" value={pct(r.withinTarget, 1)} />
        <Figure label="Manual review rate" value={pct(r.manualReviewRate, 2)} sub="of the orders placed in the range, those decided" />
        <Figure label="False positives" value={pct(r.falsePositiveRate, 1)} sub={falsePositivesText(r)} />
      </div>
      {/* One analyst and no conflicts (no team, or a team that never disagreed): the review figures above say it all. */}
      {report.team && (report.team.analysts.length > 1 || report.team.unresolved.length > 0 || report.team.resolved > 0) && (
        <TeamKpisView team={report.team} slaHours={report.slaHours} stamp={stamp} />
      )}

      <h2 className="report-h2">Disputes</h2>
      <div className="figures">
        <Figure label="Disputes opened" value={formatCount(d.all.opened)} sub={withValuesIn(money(d.all.openedValueMinor))} />
        <Figure
          label="Answered by the deadline"
          value={pct(d.all.respondable ? d.all.respondedInTime / d.all.respondable : null, 1)}
          sub={answeredText(d.all)}
        />
        <Figure
          label="Win rate"
          value={pct(d.all.winRate, 1)}
          sub={withValuesIn(
            `${pct(d.all.winRateByValue, 1)} by value · ${formatCount(d.all.won)} won, ${formatCount(d.all.lost)} lost, ${formatCount(d.all.accepted)} accepted`,
          )}
        />
      </div>
      <ReportTable
        title="Disputes by reason family"
        testId="kpi-by-family"
        stamp={stamp}
        caption={tableCaption}
        columns={DISPUTE_COLUMNS.map((c, i) => (i === 0 ? { label: 'Family' } : c))}
        rows={families.map((f) => disputeRow(REASON_FAMILY_LABEL[f], d.byFamily[f]!, money))}
        csv={{
          name: 'disputes-by-family',
          header: [...DISPUTE_HEADER, 'currency', ...DISPUTE_HEADER_ADDED],
          rows: families.map((f) => [...disputeCsv(f, d.byFamily[f]!, d.currency), cur, ...addedCsv(d.byFamily[f]!)]),
        }}
      />
      <ReportTable
        title="Disputes by network"
        testId="kpi-by-network"
        stamp={stamp}
        caption={tableCaption}
        columns={DISPUTE_COLUMNS.map((c, i) => (i === 0 ? { label: 'Network' } : c))}
        rows={networks.map((n) => disputeRow(networkName(n), d.byNetwork[n]!, money))}
        csv={{
          name: 'disputes-by-network',
          header: [...DISPUTE_HEADER, 'currency', ...DISPUTE_HEADER_ADDED],
          rows: networks.map((n) => [...disputeCsv(n, d.byNetwork[n]!, d.currency), cur, ...addedCsv(d.byNetwork[n]!)]),
        }}
      />
      {report.wins && <WhatWins wins={report.wins} stamp={stamp} />}

      <h2 className="report-h2">Card-network programmes</h2>
      <p className="muted small">
        Visa VAMP: chargebacks and issuer fraud reports (TC40, from Adyen&apos;s dispute report) over settled card-not-present Visa transactions of the month.
        Mastercard ECM: chargebacks of the month over Mastercard transactions of the month before. Inquiries are never counted. A month with disputes but no
        transactions to divide by says so. Early warning from {Math.round(EARLY_WARNING * 100)} % of the lowest threshold in force on both ratio and count.
      </p>
      <ReportTable
        title="Programme months"
        testId="kpi-programmes"
        stamp={stamp}
        caption={programmesCaption(report.programmes, unknownNetwork)}
        columns={[
          { label: 'Month' },
          { label: 'Programme' },
          { label: 'Disputes', right: true },
          { label: 'Transactions', right: true },
          { label: 'Ratio', right: true },
          { label: 'State' },
          { label: 'Level' },
        ]}
        rows={report.programmes.map((m) => [
          programmeMonthText(m.month, report.partial),
          PROGRAMME_LABEL[m.programme],
          formatCount(m.numerator),
          m.transactionsFrom === undefined ? formatCount(m.denominator) : `${formatCount(m.denominator)} (from ${showDate(m.transactionsFrom)})`,
          programmeRatioText(m.ratio),
          <span key="s" className={`state state-${m.state}`}>
            {STATE_LABEL[m.state]}
          </span>,
          m.level ?? belowCount(m, report.thresholds),
        ])}
        csv={{
          name: 'programme-months',
          header: ['month', 'programme', 'numerator', 'denominator', 'ratio', 'state', 'level', 'unknown_network', 'counted_to', 'transactions_from'],
          rows: report.programmes.map((m) => [
            m.month,
            m.programme,
            m.numerator,
            m.denominator,
            m.ratio,
            m.state,
            m.level ?? '',
            m.unknownNetwork ?? null,
            countedTo(m.month, report.partial),
            m.transactionsFrom === undefined ? null : formatDate(m.transactionsFrom),
          ]),
        }}
      />
      <ReportTable
        title="Thresholds applied"
        stamp={stamp}
        columns={[
          { label: 'Programme' },
          { label: 'Level' },
          { label: 'Ratio', right: true },
          { label: 'Count', right: true },
          { label: 'From' },
          { label: 'Source', wrap: true },
        ]}
        rows={applied.map((t) => [PROGRAMME_LABEL[t.programme], t.level, pct(t.ratio, 2), formatCount(t.count), t.effectiveFrom, t.source])}
        csv={{
          name: 'programme-thresholds',
          header: ['programme', 'level', 'ratio', 'count', 'effective_from', 'source'],
          rows: applied.map((t) => [t.programme, t.level, t.ratio, t.count, t.effectiveFrom, t.source]),
        }}
      />
    </div>
  );
}

/** `38.1 % (8 of 21)`: a win rate with the decided disputes behind it. */
const winText = (w: WinCount) => (w.winRate === null ? '– (none decided)' : `${pct(w.winRate, 1)} (${formatCount(w.won)} of ${formatCount(w.won + w.lost)})`);

/** Win rates of the decided disputes by the order's channel and by each evidence item ticked or not. */
function WhatWins({ wins, stamp }: { wins: DisputeWins; stamp: string }) {
  return (
    <>
      <ReportTable
        title="Win rate by channel"
        testId="kpi-wins-by-channel"
        stamp={stamp}
        caption="Decided disputes (won or lost) opened in the period, by the channel their order was sold on."
        columns={[{ label: 'Channel' }, { label: 'Won', right: true }, { label: 'Lost', right: true }, { label: 'Win rate', right: true }]}
        rows={wins.byChannel.map((c) => [c.channel, formatCount(c.won), formatCount(c.lost), pct(c.winRate, 1)])}
        csv={{
          name: 'dispute-wins-by-channel',
          header: ['channel', 'won', 'lost', 'win_rate'],
          rows: wins.byChannel.map((c) => [c.channel, c.won, c.lost, c.winRate]),
        }}
      />
      {wins.byEvidence.length > 0 && (
        <ReportTable
          title="Win rate by evidence item"
          testId="kpi-wins-by-evidence"
          stamp={stamp}
          caption={`Decided disputes whose checklist has the item, with the item ticked and without it. Under ${TOO_FEW_DECIDED} decided on either side the difference is too few to tell.`}
          columns={[
            { label: 'Evidence item' },
            { label: 'Ticked: win rate', right: true },
            { label: 'Not ticked: win rate', right: true },
            { label: 'Difference', right: true },
          ]}
          rows={wins.byEvidence.map((e) => [
            e.item,
            winText(e.ticked),
            winText(e.notTicked),
            e.difference === null ? 'too few to tell' : `${e.difference > 0 ? '+' : ''}${formatDecimal(e.difference * 100, 1)} pts`,
          ])}
          csv={{
            name: 'dispute-wins-by-evidence',
            header: [
              'item',
              'families',
              'ticked_won',
              'ticked_lost',
              'ticked_win_rate',
              'not_ticked_won',
              'not_ticked_lost',
              'not_ticked_win_rate',
              'difference',
            ],
            rows: wins.byEvidence.map((e) => [
              e.item,
              e.families.join(' '),
              e.ticked.won,
              e.ticked.lost,
              e.ticked.winRate,
              e.notTicked.won,
              e.notTicked.lost,
              e.notTicked.winRate,
              e.difference ?? 'too few to tell',
            ]),
          }}
        />
      )}
    </>
  );
}

/**
 * The reviewed orders by the decision that stands, and how many were held at some point: the false
 * positives' denominator, which an order held and then released leaves out of `held`.
 */
function reviewedText(r: ReviewKpis): string {
  const standing = `${formatCount(r.held)} held · ${formatCount(r.released)} released · ${formatCount(r.cancelled)} cancelled`;
  return r.everHeld === undefined ? standing : `as they stand: ${standing}; ${formatCount(r.everHeld)} held at some point`;
}

/**
 * What the programme table's reader must know besides its rows: chargebacks in no programme, and
 * ratios over transactions the cache holds only from some day of their month on (too high).
 */
function programmesCaption(months: readonly ProgrammeMonth[], unknownNetwork: number): string | undefined {
  const notes: string[] = [];
  if (unknownNetwork)
    notes.push(
      `${countOf(unknownNetwork, 'chargeback')} of these months name no card network (neither their file nor their order's card brand): counted in neither programme.`,
    );
  const from = months.find((m) => m.transactionsFrom !== undefined)?.transactionsFrom;
  if (from !== undefined)
    notes.push(
      `The cached orders start on ${showDate(from)}: transactions marked "from" are only part of their month's, so those ratios read high and a state other than OK there may not hold.`,
    );
  return notes.length ? notes.join(' ') : undefined;
}

/** The day a programme month is counted to when the report's data stops inside it (or before it); null for a whole month. */
function countedTo(month: string, partial: PartialPeriod | undefined): string | null {
  if (!partial) return null;
  const [y, m] = month.split('-').map(Number);
  return Date.UTC(y!, m!, 1) > partial.at ? formatDate(partial.at) : null;
}

/** `2026-11 (to 2026-11-18)`: a month the data does not cover to its end says so on its row. */
function programmeMonthText(month: string, partial: PartialPeriod | undefined): string {
  const to = countedTo(month, partial);
  return to === null ? month : `${month} (to ${showDate(partial!.at)})`;
}

/** The false-positive rate's numerator and denominator, and what it counts. */
function falsePositivesText(r: ReviewKpis): string {
  const what = 'released and not confirmed fraud since, or cancelled though known legitimate';
  // A snapshot saved before cancelled orders counted: its rate is over the orders held.
  if (r.everFlagged === undefined) {
    if (r.everHeld === undefined) return `of the orders held: ${what}`;
    if (r.everHeld === 0) return 'no order was held';
    return `${formatCount(r.falsePositives ?? 0)} of ${formatCount(r.everHeld)} held at some point: ${what}`;
  }
  if (r.everFlagged === 0) return 'no order was held or cancelled';
  return `${formatCount(r.falsePositives ?? 0)} of ${formatCount(r.everFlagged)} held or cancelled: ${what}`;
}

/** Orders decided before the time the cache now holds for them: left out of the turnaround, and said. */
function beforePlaced(n: number | undefined): string {
  if (!n) return '';
  return ` · ${formatCount(n)} ${n === 1 ? 'order' : 'orders'} left out: decided before the order time a later import gave ${n === 1 ? 'it' : 'them'}`;
}
