// The KPI report's team part: the orders decided differently that no lead resolved (counted by the
// later decision, so a reader knows which figures may still move), and review figures per analyst.
import { orderKeyLabel } from '../../../../shared/domain/order';
import { formatCount } from '../../../../shared/domain/money';
import type { TeamKpis } from '../../../../shared/reports/teamKpis';
import { Figure, hours, pct, ReportTable } from './reportParts';
import { DECIDED } from '../../../../shared/decisions/standing';

export function TeamKpisView({ team, slaHours, stamp }: { team: TeamKpis; slaHours: number; stamp: string }) {
  const open = team.unresolved;
  return (
    <>
      <div className="figures">
        <Figure
          label="Unresolved conflicts"
          value={formatCount(open.length)}
          sub={`decided differently on two laptops, counted by the later decision · ${formatCount(team.resolved)} resolved by a lead`}
        />
      </div>
      {open.length > 0 && (
        <ReportTable
          title="Decided differently, not resolved by a lead"
          testId="kpi-unresolved-conflicts"
          stamp={stamp}
          caption="These orders count once above, by the later decision, until a lead resolves them in Review."
          columns={[{ label: 'Order' }, { label: 'Decisions' }, { label: 'Counted as' }]}
          rows={open.map((c) => [
            orderKeyLabel(c.orderKey),
            `${c.decisions.map((d) => `${d.analyst} ${DECIDED[d.decision]}`).join(', ')}${c.reopened ? ' (decided again after a resolution)' : ''}`,
            c.countedAs,
          ])}
          csv={{
            name: 'unresolved-conflicts',
            header: ['order_key', 'decisions', 'counted_as', 'reopened'],
            rows: open.map((c) => [
              c.orderKey,
              c.decisions.map((d) => `${d.analyst}: ${d.decision} at ${new Date(d.at).toISOString()}`).join('; '),
              c.countedAs,
              c.reopened ? 'yes' : 'no',
            ]),
          }}
        />
      )}
      <ReportTable
        title="Review by analyst"
        testId="kpi-by-analyst"
        stamp={stamp}
        caption={`An order decided by several analysts counts for each of them (once in the totals above). Turnaround: from the order to the analyst's first decision on it, against the ${slaHours} h target. False positives: orders the analyst held that the team finally released, unless confirmed fraud since, or cancelled though known legitimate. A lead's resolutions count as the lead's decisions.`}
        columns={[
          { label: 'Analyst' },
          { label: 'Orders decided', right: true },
          { label: 'Held · released · cancelled (as they stand)', right: true },
          { label: 'Turnaround (median)', right: true },
          { label: 'Within target', right: true },
          { label: 'False positives', right: true },
          { label: 'In unresolved conflicts', right: true },
          { label: 'Conflicts resolved', right: true },
        ]}
        rows={team.analysts.map((a) => [
          a.analyst,
          formatCount(a.decided),
          `${formatCount(a.held)} · ${formatCount(a.released)} · ${formatCount(a.cancelled)}`,
          hours(a.turnaroundMedianH),
          pct(a.withinTarget, 1),
          `${pct(a.falsePositiveRate, 1)} (${formatCount(a.falsePositives)}${
            a.everFlagged !== undefined
              ? ` of ${formatCount(a.everFlagged)} held or cancelled`
              : a.everHeld === undefined
                ? ''
                : ` of ${formatCount(a.everHeld)} held`
          })`,
          formatCount(a.inConflict),
          formatCount(a.resolved),
        ])}
        csv={{
          name: 'review-by-analyst',
          header: [
            'analyst',
            'orders_decided',
            'held',
            'released',
            'cancelled',
            'turnaround_median_h',
            'within_target',
            'false_positives',
            'false_positive_rate',
            'in_unresolved_conflicts',
            'conflicts_resolved',
            'ever_held',
            'ever_held_or_cancelled',
          ],
          rows: team.analysts.map((a) => [
            a.analyst,
            a.decided,
            a.held,
            a.released,
            a.cancelled,
            a.turnaroundMedianH,
            a.withinTarget,
            a.falsePositives,
            a.falsePositiveRate,
            a.inConflict,
            a.resolved,
            a.everHeld ?? null,
            a.everFlagged ?? null,
          ]),
        }}
      />
    </>
  );
}
