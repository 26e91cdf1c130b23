// The top and new rings of a fraud trend's range, each table with its CSV and an Open per ring;
// shown once the rings are linked, which may take seconds after the figures.
import { formatCount, formatDate, formatMoney, showDate } from '../../../../shared/domain/money';
import { major, type PeriodRing } from '../../../../shared/reports/fraudTrend';
import { ringName } from '../../../../shared/linking/rings';
import { ReportTable } from './reportParts';
import type { TrendRings } from './shownReport';

/**
 * A ring table as CSV: the cache's id first, as written since the first export, and the ring's name as
 * the table, the PDF and the decision log's notes write it (`ring of #12338`) last, so a reader of the
 * file finds the ring the report and the log name.
 */
export function ringTableCsv(name: string, list: readonly PeriodRing[], currency: string) {
  return {
    name,
    header: ['ring', 'orders_in_range', 'value_in_range', 'first_seen', 'risk', 'verdict', 'currency', 'ring_name'],
    rows: list.map((r) => [
      r.id,
      r.ordersInRange,
      major(r.valueInRangeMinor, currency),
      formatDate(r.firstSeen),
      r.score,
      r.status ?? '',
      currency,
      ringName(r.id),
    ]),
  };
}

const VERDICT: Record<string, string> = { 'confirmed-fraud': 'Confirmed fraud', benign: 'Benign', 'needs-review': 'Needs review' };

export function RingTables({
  rings,
  stamp,
  currency,
  onRing,
}: {
  rings: TrendRings | null;
  stamp: string;
  currency: string;
  onRing?: (ringId: string) => void;
}) {
  if (!rings) return <p className="muted no-print">Linking rings for the ring tables…</p>;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <div className="two-col">
      {(
        [
          ['Top rings of the range', rings.top, 'top-rings'],
          ['New rings in the range', rings.fresh, 'new-rings'],
        ] as const
      ).map(([title, list, id]) => (
        <ReportTable
          key={id}
          title={title}
          testId={id}
          stamp={stamp}
          caption={id === 'top-rings' ? 'Most order value placed in the range.' : 'First order inside the range, riskiest first.'}
          columns={[
            { label: 'Ring' },
            { label: 'Orders', right: true },
            { label: 'Value', right: true },
            { label: 'First seen' },
            { label: 'Risk', right: true },
            { label: 'Verdict' },
          ]}
          rows={list.map((r) => [
            ringName(r.id),
            formatCount(r.ordersInRange),
            money(r.valueInRangeMinor),
            showDate(r.firstSeen),
            r.score,
            VERDICT[r.status ?? ''] ?? '–',
          ])}
          csv={ringTableCsv(id, list, currency)}
          actions={(i) =>
            onRing ? (
              <button className="link" onClick={() => onRing(list[i]!.id)}>
                Open
              </button>
            ) : null
          }
        />
      ))}
    </div>
  );
}
