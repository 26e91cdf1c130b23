// A ring's link graph made readable: large rings drawn with their orders grouped by the key
// values they link through, and labels that would overlap hidden until asked for. Pure: the
// graph view (cytoscape) measures, this decides.

export interface DrawNode {
  id: string;
  kind: string;
  label: string;
  hub: boolean;
  outside?: boolean;
}
export interface DrawEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  outside?: boolean;
}
export interface DrawGraph {
  nodes: DrawNode[];
  edges: DrawEdge[];
}

/** Rings above this many orders draw their orders grouped. */
export const GROUP_ABOVE_ORDERS = 200;

export interface GroupedGraph extends DrawGraph {
  /** Group node id → the order node ids drawn as it. */
  members: Map<string, string[]>;
  /** Orders drawn inside groups (0 when nothing was grouped). */
  grouped: number;
}

/**
 * Orders that link through exactly the same key values are one group node ("37 orders"), joined
 * to those values once each; an order alone in its group stays itself. Key nodes, and graphs of
 * at most `above` orders, are drawn as they are.
 */
export function groupForDrawing(graph: DrawGraph, above = GROUP_ABOVE_ORDERS): GroupedGraph {
  const orders = graph.nodes.filter((n) => n.kind === 'order');
  if (orders.length <= above) return { ...graph, members: new Map(), grouped: 0 };
  const keysOf = new Map<string, { target: string; type: string }[]>();
  for (const e of graph.edges) {
    const list = keysOf.get(e.source);
    if (list) list.push({ target: e.target, type: e.type });
    else keysOf.set(e.source, [{ target: e.target, type: e.type }]);
  }
  const bySignature = new Map<string, DrawNode[]>();
  for (const o of orders) {
    const sig = [...new Set((keysOf.get(o.id) ?? []).map((k) => k.target))].sort().join('|') + (o.outside ? '|outside' : '');
    const list = bySignature.get(sig);
    if (list) list.push(o);
    else bySignature.set(sig, [o]);
  }
  const nodes: DrawNode[] = graph.nodes.filter((n) => n.kind !== 'order');
  const edges: DrawEdge[] = [];
  const members = new Map<string, string[]>();
  const drawnAs = new Map<string, string>();
  let grouped = 0;
  let g = 0;
  for (const list of bySignature.values()) {
    if (list.length === 1) {
      nodes.push(list[0]!);
      drawnAs.set(list[0]!.id, list[0]!.id);
      continue;
    }
    const id = `g:${g++}`;
    nodes.push({ id, kind: 'group', label: `${list.length} orders`, hub: false, ...(list[0]!.outside ? { outside: true } : {}) });
    members.set(
      id,
      list.map((o) => o.id),
    );
    for (const o of list) drawnAs.set(o.id, id);
    grouped += list.length;
  }
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const source = drawnAs.get(e.source) ?? e.source;
    const id = source === e.source ? e.id : `${source}->${e.target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push(source === e.source ? e : { ...e, id, source });
  }
  return { nodes, edges, members, grouped };
}

export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher keeps its label first (key values over groups over orders, then more links). */
  priority: number;
}

const overlaps = (a: LabelBox, b: LabelBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The labels to hide so that no two shown labels overlap: labels are kept greedily by priority
 * (ties by id, so the result does not depend on the input's order); a label that would overlap
 * one already kept is hidden.
 */
export function labelsToHide(boxes: readonly LabelBox[]): Set<string> {
  const sorted = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept: LabelBox[] = [];
  const hidden = new Set<string>();
  for (const b of sorted) {
    if (kept.some((k) => overlaps(k, b))) hidden.add(b.id);
    else kept.push(b);
  }
  return hidden;
}
