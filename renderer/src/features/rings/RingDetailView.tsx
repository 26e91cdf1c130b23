// One ring: its figures, why its orders are linked, the link graph, and its orders.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MARKETPLACE_LABEL } from '../../../../shared/domain/order';
import { formatDate, formatDateTime, formatMoney } from '../../../../shared/domain/money';
import type { GraphExpansion, RingDetail, RingGraph as Graph, RingVerdict } from '../../core/contract';
import type { KeyType } from '../../../../shared/normalize';
import { cardSummary } from '../../../../shared/domain/order';
import { KEY_COLOUR, RingGraph } from './RingGraph';
import { RingTimeline } from './RingTimeline';
import { ErrorAlert } from '../../app/Alerts';

const VERDICTS = [
  ['needs-review', 'Needs review'],
  ['confirmed-fraud', 'Confirmed fraud'],
  ['benign', 'Benign'],
] as const;

export interface RingActions {
  neverLink(type: KeyType, value: string, reason: string): Promise<void>;
  mark(status: RingVerdict, note: string): Promise<void>;
  /** Neighbours of a graph node beyond the ring (known: ids already drawn). */
  expand(nodeId: string, known: string[]): Promise<GraphExpansion>;
}

export function RingDetailView({ ring, onClose, actions }: { ring: RingDetail; onClose(): void; actions: RingActions }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [splitting, setSplitting] = useState<{ type: KeyType; value: string } | null>(null);
  const [reason, setReason] = useState('');
  const [verdict, setVerdict] = useState<RingVerdict>(ring.mark?.status ?? 'needs-review');
  const [note, setNote] = useState('');
  const [newNote, setNewNote] = useState('');
  const verdicts = ring.marks.filter((m) => m.status !== 'note');
  const notes = ring.marks.filter((m) => m.status === 'note');
  const [error, setError] = useState<string | null>(null);
  const act = async (job: () => Promise<void>) => {
    setError(null);
    try {
      await job();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const onSelect = useCallback((id: string | null) => setSelected(id), []);
  const [graph, setGraph] = useState<Graph>(ring.graph);
  const [expanded, setExpanded] = useState<{ summary: string; keys: Graph['nodes'] }[]>([]);
  useEffect(() => {
    setGraph(ring.graph);
    setExpanded([]);
  }, [ring.graph]);
  const expand = (nodeId: string, label: string) =>
    act(async () => {
      const known = [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)];
      const more = await actions.expand(nodeId, known);
      setGraph((g) => ({ nodes: [...g.nodes, ...more.nodes], edges: [...g.edges, ...more.edges] }));
      setExpanded((list) => [
        ...list,
        {
          summary: `${label}: +${more.nodes.length} nodes, +${more.edges.length} links${more.more ? ` (${more.more} more orders not drawn)` : ''}`,
          keys: more.nodes.filter((n) => n.kind !== 'order'),
        },
      ]);
    });
  const m = ring.metrics;
  const shown = useMemo(() => {
    const all = ring.orders.map((o, i) => ({ o, node: ring.orderNodes[i]! }));
    if (!selected) return all;
    if (selected.startsWith('o:')) return all.filter((x) => x.node === selected);
    const linked = new Set(graph.edges.filter((e) => e.target === selected).map((e) => e.source));
    return all.filter((x) => linked.has(x.node));
  }, [selected, ring, graph]);
  const selectedNode = selected ? graph.nodes.find((n) => n.id === selected) : undefined;
  return (
    <section className="panel wide ring-detail" aria-label={`Ring ${ring.id}`}>
      <header className="wizard-head">
        <h2>
          Ring #{ring.rank} · {m.orders} orders · {m.customers} customers · risk {m.score}
        </h2>
        <button className="link" onClick={onClose} aria-label="Close the ring">
          ✕
        </button>
      </header>
      <p className="muted">
        {formatDate(m.firstSeen)} – {formatDate(m.lastSeen)} · peak {m.peak24h} orders in 24 h · {m.marketplaces.map((x) => MARKETPLACE_LABEL[x]).join(', ')} ·{' '}
        {Object.entries(m.valueMinor)
          .map(([c, v]) => formatMoney(v, c))
          .join(' + ')}{' '}
        · {m.disputes} disputes ({m.fraudDisputes} fraud)
      </p>
      <div className="ring-keys" data-testid="ring-keys">
        {(Object.entries(ring.keys) as [KeyType, string[]][]).map(([type, values]) => (
          <div key={type}>
            <span className="key-type" style={{ background: KEY_COLOUR[type] }}>
              {type}
            </span>
            {values.slice(0, 6).map((v) => (
              <span key={v} className="key-value">
                {v}
                <button className="link" aria-label={`Never link ${type} ${v}`} onClick={() => setSplitting({ type, value: v })}>
                  never link…
                </button>
              </span>
            ))}
            {values.length > 6 && ` · +${values.length - 6}`}
          </div>
        ))}
      </div>
      {splitting && (
        <form
          className="confirm"
          aria-label="Never link a value"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await actions.neverLink(splitting.type, splitting.value, reason);
              setSplitting(null);
              setReason('');
            });
          }}
        >
          <p>
            Never link on {splitting.type} <strong>{splitting.value}</strong>: orders that share only this value are no longer linked, which may split or dissolve
            this ring. The override is kept with your reason and can be undone.
          </p>
          <input aria-label="Reason" placeholder="Why (e.g. our warehouse address, shared office IP)" value={reason} onChange={(e) => setReason(e.target.value)} size={50} />
          <button type="submit" className="primary" disabled={!reason.trim()}>
            Never link
          </button>
          <button type="button" onClick={() => setSplitting(null)}>
            Cancel
          </button>
        </form>
      )}
      <form
        className="toolbar verdict"
        aria-label="Ring verdict"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await actions.mark(verdict, note);
            setNote('');
          });
        }}
      >
        <label className="inline">
          Verdict
          <select aria-label="Verdict" value={verdict} onChange={(e) => setVerdict(e.target.value as RingVerdict)}>
            {VERDICTS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <input aria-label="Ring note" placeholder="Note" value={note} onChange={(e) => setNote(e.target.value)} size={50} />
        <button type="submit">Save verdict</button>
        {verdicts.length > 0 && (
          <span className="muted" data-testid="ring-marks">
            {verdicts.map((m) => `${VERDICTS.find(([v]) => v === m.status)?.[1]} by ${m.analyst}, ${formatDateTime(m.createdAt)}${m.note ? `: ${m.note}` : ''}`).join(' · ')}
          </span>
        )}
      </form>
      <section className="ring-notes" aria-label="Notes on this ring">
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await actions.mark('note', newNote);
              setNewNote('');
            });
          }}
        >
          <textarea aria-label="New note" rows={2} cols={70} placeholder="A note for the team: what you checked, who you called, what is pending" value={newNote} onChange={(e) => setNewNote(e.target.value)} />
          <button type="submit" disabled={!newNote.trim()}>
            Add note
          </button>
        </form>
        {notes.length > 0 && (
          <ul data-testid="ring-notes">
            {notes.map((n) => (
              <li key={n.id}>
                <span className="muted">
                  {n.analyst}, {formatDateTime(n.createdAt)}:
                </span>{' '}
                {n.note}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ErrorAlert message={error} />
      <div className="ring-body">
        <div className="ring-graph-box">
          <RingGraph graph={graph} onSelect={onSelect} />
          <div className="toolbar">
            {selectedNode ? (
              <button onClick={() => void expand(selectedNode.id, selectedNode.label)}>
                Expand {selectedNode.kind === 'order' ? `order ${selectedNode.label}` : `${selectedNode.kind} ${selectedNode.label}`}
              </button>
            ) : (
              <span className="muted">Click a node to see its orders; expand it to see its neighbours outside the ring (faded).</span>
            )}
          </div>
          {expanded.length > 0 && (
            <ul className="muted" data-testid="ring-expansions">
              {expanded.map((x, i) => (
                <li key={i}>
                  {x.summary}
                  {x.keys.slice(0, 8).map((k) => (
                    <button key={k.id} className="link" aria-label={`Expand ${k.kind} ${k.label}`} onClick={() => void expand(k.id, `${k.kind} ${k.label}`)}>
                      {` ${k.kind} ${k.label}${k.hub ? ' (hub)' : ''}`}
                    </button>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="ring-why">
          <h3>Why these orders are linked</h3>
          <ul data-testid="ring-evidence">
            {ring.evidence.slice(0, 40).map((e, i) => (
              <li key={i}>
                {`${labelOf(ring, e.a)} ↔ ${labelOf(ring, e.b)}: `}
                {e.because}
                {e.rawA && e.rawB && e.rawA !== e.rawB && <span className="muted">{` — written “${e.rawA}” and “${e.rawB}”`}</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <RingTimeline orders={ring.orders} />
      <h3>
        Orders{selected ? ` linked to the selected node (${shown.length})` : ''}
        {selected && (
          <button className="link" onClick={() => setSelected(null)}>
            show all
          </button>
        )}
      </h3>
      <table className="history" aria-label="Ring orders">
        <thead>
          <tr>
            <th>Date (UTC)</th>
            <th>Order</th>
            <th>Channel</th>
            <th>Total</th>
            <th>Email</th>
            <th>Ship to</th>
            <th>Card</th>
            <th>IP</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map(({ o, node }) => (
            <tr key={`${o.source}:${o.externalId}`}>
              <td>{formatDateTime(o.createdAt)}</td>
              <td>{o.externalId}</td>
              <td>{MARKETPLACE_LABEL[o.marketplace]}</td>
              <td>{formatMoney(o.totalMinor, o.currency)}</td>
              <td>{o.email}</td>
              <td>{`${o.shipName}, ${o.shipStreet}, ${o.shipPostcode} ${o.shipCity}`}</td>
              <td>{cardSummary(o)}</td>
              <td>{o.ip}</td>
              <td>
                <button className="link" aria-label={`Expand neighbours of order ${o.externalId}`} onClick={() => void expand(node, `order ${o.externalId}`)}>
                  expand
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Evidence names orders by their position in the whole cache; show the order number. */
function labelOf(ring: RingDetail, position: number): string {
  return ring.graph.nodes.find((n) => n.id === `o:${position}`)?.label ?? String(position);
}
