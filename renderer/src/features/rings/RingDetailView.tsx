// One ring: its figures, why its orders are linked, the link graph, and its orders.
import { useRef } from 'react';
import { ringName } from '../../../../shared/linking/rings';
import { usePanelFocus } from '../../ui/usePanelFocus';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { countOf, formatMoney } from '../../../../shared/domain/money';
import type { GraphExpansion, RingDetail, RingVerdict } from '../../core/contract';
import type { KeyType } from '../../../../shared/normalize';
import { ErrorAlert } from '../../app/Alerts';
import { useActions } from '../../ui/useAsync';
import { caseOf } from '../../../../shared/team/caseKeys';
import { CaseClaimBar } from '../team';
import { RingGraph } from './RingGraph';
import { RingKeys } from './RingKeys';
import { RingOrdersTable } from './RingOrdersTable';
import { RingTimeline } from './RingTimeline';
import { RingVerdictForm } from './RingVerdictForm';
import { ringPeak, ringSpan } from './ringWording';
import { useRingGraph, type Expansion } from './useRingGraph';
import { MoreRows, useShownRows } from '../../ui/MoreRows';

export interface RingActions {
  neverLink(type: KeyType, value: string, reason: string): Promise<void>;
  mark(status: RingVerdict, note: string): Promise<void>;
  /** Neighbours of a graph node beyond the ring (known: ids already drawn). */
  expand(nodeId: string, known: string[]): Promise<GraphExpansion>;
}

export function RingDetailView({ ring, onClose, actions }: { ring: RingDetail; onClose(): void; actions: RingActions }) {
  const { run, error } = useActions();
  const g = useRingGraph(ring, actions.expand, run);
  /** Runs an action; true once it went through (its failure shows as the ring's error). */
  const done = async (job: () => Promise<void>) =>
    (await run(async () => {
      await job();
      return true;
    })) === true;
  const m = ring.metrics;
  const node = g.selectedNode;
  const ordersHeading = useRef<HTMLHeadingElement>(null);
  const { headingRef, onPanelKeyDown } = usePanelFocus(ring.id, onClose, { bringIntoView: true });
  return (
    <section className="panel wide ring-detail" aria-label={`Ring ${ring.id}`} onKeyDown={onPanelKeyDown}>
      <header className="wizard-head">
        <h2 ref={headingRef} tabIndex={-1}>
          Ring #{ring.rank} ({ringName(ring.id)}) · {m.orders} orders · {m.customers} customers · risk {m.score}
        </h2>
        <button className="link" onClick={onClose} aria-label="Close the ring">
          ✕
        </button>
      </header>
      <p className="muted">
        {ringSpan(m.firstSeen, m.lastSeen)} · {ringPeak(m.peak24h)} · {m.marketplaces.map((x) => MARKETPLACE_LABEL[x]).join(', ')} ·{' '}
        {Object.entries(m.valueMinor)
          .map(([c, v]) => formatMoney(v, c))
          .join(' + ')}{' '}
        · {countOf(m.disputes, 'dispute')} ({m.fraudDisputes} fraud)
        {m.knownFraud > 0 && ` · ${countOf(m.knownFraud, 'order')} labelled fraud`}
      </p>
      <CaseClaimBar of={caseOf.ring(ring.id)} what="ring" />
      <RingKeys keys={ring.keys} onNeverLink={(type, value, reason) => done(() => actions.neverLink(type, value, reason))} />
      <RingVerdictForm ring={ring} onMark={(status, note) => done(() => actions.mark(status, note))} />
      <ErrorAlert message={error} />
      <div className="ring-body">
        <div className="ring-graph-box">
          <RingGraph graph={g.drawn} onSelect={g.onSelect} />
          <div className="toolbar">
            {node?.kind === 'group' ? (
              <span className="muted">{node.label} that link through the same values, drawn as one node: they are listed below.</span>
            ) : node ? (
              <>
                <span data-testid="graph-selection">
                  {node.kind === 'order' ? `Order ${node.label}` : `${node.kind[0]!.toUpperCase()}${node.kind.slice(1)} ${node.label}`}: {g.shown.length} of the
                  ring's orders, listed below.{' '}
                  <button className="link" onClick={() => ordersHeading.current?.scrollIntoView({ block: 'start' })}>
                    Show them
                  </button>
                </span>
                <button onClick={() => void g.expand(node.id, node.label)}>
                  Expand {node.kind === 'order' ? `order ${node.label}` : `${node.kind} ${node.label}`}
                </button>
              </>
            ) : (
              <span className="muted">Click a node to see its orders; expand it to see its neighbours outside the ring (faded).</span>
            )}
          </div>
          <Expansions expanded={g.expanded} onExpand={(id, label) => void g.expand(id, label)} />
        </div>
        <RingEvidence ring={ring} />
      </div>
      <RingTimeline orders={ring.orders} />
      <h3 ref={ordersHeading}>
        Orders{g.selected ? ` linked to the selected node (${g.shown.length})` : ''}, oldest first
        {g.selected && (
          <button className="link" onClick={g.clearSelection}>
            show all
          </button>
        )}
      </h3>
      <RingOrdersTable orders={g.shown} onExpand={(node, label) => void g.expand(node, label)} />
    </section>
  );
}

/** Each expansion so far, with the key values it brought, which expand further. */
function Expansions({ expanded, onExpand }: { expanded: Expansion[]; onExpand(nodeId: string, label: string): void }) {
  if (expanded.length === 0) return null;
  return (
    <ul className="muted" data-testid="ring-expansions">
      {expanded.map((x, i) => (
        <li key={i}>
          {x.summary}
          {x.keys.slice(0, 8).map((k) => (
            <button key={k.id} className="link" aria-label={`Expand ${k.kind} ${k.label}`} onClick={() => onExpand(k.id, `${k.kind} ${k.label}`)}>
              {` ${k.kind} ${k.label}${k.hub ? ' (hub)' : ''}`}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** Links the ring's "why" box lists at first, and adds per "Show more". */
const EVIDENCE_PAGE = 40;

function RingEvidence({ ring }: { ring: RingDetail }) {
  const { shown, more } = useShownRows(EVIDENCE_PAGE, ring.id);
  return (
    // A box that scrolls on its own: a tab stop and a named region, so keys can scroll it too.
    <div className="ring-why" tabIndex={0} role="region" aria-labelledby="ring-why-heading">
      <h3 id="ring-why-heading">Why these orders are linked</h3>
      <ul data-testid="ring-evidence">
        {ring.evidence.slice(0, shown).map((e, i) => (
          <li key={i}>
            {`${labelOf(ring, e.a)} ↔ ${labelOf(ring, e.b)}: `}
            {`${e.because}, ${e.strength} link`}
            {e.rawA && e.rawB && e.rawA !== e.rawB && <span className="muted">{` — written “${e.rawA}” and “${e.rawB}”`}</span>}
          </li>
        ))}
      </ul>
      <MoreRows shown={shown} total={ring.evidence.length} page={EVIDENCE_PAGE} nouns="links" onMore={more} testId="ring-evidence-more" />
    </div>
  );
}

/** Evidence names orders by their position in the whole cache; show the order number. */
function labelOf(ring: RingDetail, position: number): string {
  return ring.graph.nodes.find((n) => n.id === `o:${position}`)?.label ?? String(position);
}
