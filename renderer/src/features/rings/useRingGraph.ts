// One ring's link graph as the analyst explores it: the selected node, the neighbours expanded
// beyond the ring, and the ring's orders linked to the selected node.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RingDetail, RingGraph as Graph } from '../../core/contract';
import type { Order } from '../../../../shared/domain/order';
import { groupForDrawing } from '../../../../shared/linking/graphDrawing';
import type { RingActions } from './RingDetailView';

/** Oldest first; orders placed the same minute by their number. */
const byPlacingTime = (a: { o: Order }, b: { o: Order }) =>
  a.o.createdAt - b.o.createdAt || a.o.externalId.localeCompare(b.o.externalId, 'en', { numeric: true });

export interface Expansion {
  summary: string;
  keys: Graph['nodes'];
}

export function useRingGraph(ring: RingDetail, expandNode: RingActions['expand'], run: <R>(job: () => Promise<R>) => Promise<R | undefined>) {
  const [selected, setSelected] = useState<string | null>(null);
  const [graph, setGraph] = useState<Graph>(ring.graph);
  const [expanded, setExpanded] = useState<Expansion[]>([]);
  useEffect(() => {
    setGraph(ring.graph);
    setExpanded([]);
  }, [ring.graph]);
  const onSelect = useCallback((id: string | null) => setSelected(id), []);

  const expand = (nodeId: string, label: string) =>
    run(async () => {
      const known = [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)];
      const more = await expandNode(nodeId, known);
      setGraph((g) => ({ nodes: [...g.nodes, ...more.nodes], edges: [...g.edges, ...more.edges] }));
      setExpanded((list) => [
        ...list,
        {
          summary: `${label}: +${more.nodes.length} nodes, +${more.edges.length} links${more.more ? ` (${more.more} more orders not drawn)` : ''}`,
          keys: more.nodes.filter((n) => n.kind !== 'order'),
        },
      ]);
    });

  /** What is drawn: a large ring's orders grouped by the key values they link through. */
  const drawn = useMemo(() => groupForDrawing(graph), [graph]);

  /**
   * The ring's orders, or those linked to the selected node (or drawn in the selected group), oldest
   * first as the table says: in cache order, #2040 of 11-16 was listed above #2041 of 11-14.
   */
  const shown = useMemo(() => {
    const all = ring.orders.map((o, i) => ({ o, node: ring.orderNodes[i]! })).sort(byPlacingTime);
    if (!selected) return all;
    if (selected.startsWith('o:')) return all.filter((x) => x.node === selected);
    const members = drawn.members.get(selected);
    if (members) {
      const inGroup = new Set(members);
      return all.filter((x) => inGroup.has(x.node));
    }
    const linked = new Set(graph.edges.filter((e) => e.target === selected).map((e) => e.source));
    return all.filter((x) => linked.has(x.node));
  }, [selected, ring, graph, drawn]);

  const selectedNode = selected ? drawn.nodes.find((n) => n.id === selected) : undefined;
  return { graph, drawn, expanded, selected, selectedNode, onSelect, clearSelection: () => setSelected(null), expand, shown };
}
