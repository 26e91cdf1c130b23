// The link graph of one ring: orders and the key values they share, coloured by key type,
// hubs drawn dashed, expanded neighbours outside the ring faded. Cytoscape lays it out and gives pan, zoom and selection.
import { useEffect, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import type { KeyType } from '../../../../shared/normalize';
import { labelsToHide, type GroupedGraph } from '../../../../shared/linking/graphDrawing';

/** Order nodes: neutral, so the key types' colours carry the links. */
const ORDER_COLOUR = '#5f6b7a';
/** One colour per key type: a new key type does not compile until it has one. */
export const KEY_COLOUR: Record<KeyType, string> = {
  card: '#c2410c',
  device: '#7c3aed',
  email: '#2563eb',
  phone: '#0891b2',
  address: '#15803d',
  ip: '#b45309',
  account: '#be185d',
  name: '#475569',
};

/** Runs `draw` with Math.random drawing from a fixed seed (mulberry32), so a layout comes out the same. */
function withSeededRandom<T>(draw: () => T): T {
  const random = Math.random;
  let seed = 0x2f6fde;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return draw();
  } finally {
    Math.random = random;
  }
}

/** Whose label stays when two would overlap: key values, then groups, then orders; more links first. */
const LABEL_RANK: Record<string, number> = { order: 1, group: 2 };

export function RingGraph({ graph, onSelect }: { graph: GroupedGraph; onSelect(nodeId: string | null): void }) {
  const box = useRef<HTMLDivElement>(null);
  const [hiddenLabels, setHiddenLabels] = useState(0);
  useEffect(() => {
    if (!box.current) return;
    const size = (n: number) => Math.round(16 + 6 * Math.log2(n));
    // The same ring is drawn the same way every time it opens: nodes start on a circle in their
    // order, and the layout's few random draws come from a fixed seed, not Math.random.
    const radius = 40 + 12 * graph.nodes.length;
    const cy = withSeededRandom(() =>
      cytoscape({
        container: box.current,
        elements: [
          ...graph.nodes.map((n, i) => ({
            position: { x: radius * Math.cos((2 * Math.PI * i) / graph.nodes.length), y: radius * Math.sin((2 * Math.PI * i) / graph.nodes.length) },
            data: {
              id: n.id,
              label: n.label,
              kind: n.kind,
              hub: n.hub ? 1 : 0,
              outside: n.outside ? 1 : 0,
              size: n.kind === 'group' ? size(graph.members.get(n.id)?.length ?? 2) : 14,
            },
          })),
          ...graph.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, kind: e.type, outside: e.outside ? 1 : 0 } })),
        ],
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              'font-size': 11,
              // Fitted to its box, a large ring's labels would shrink to specks: under 7 px they wait for the zoom.
              'min-zoomed-font-size': 7,
              color: '#1c2430',
              'text-valign': 'bottom',
              'text-margin-y': 3,
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.85,
              'text-background-padding': '1px',
              width: 14,
              height: 14,
            },
          },
          {
            selector: 'node[kind = "group"]',
            style: { shape: 'ellipse', 'background-color': ORDER_COLOUR, width: 'data(size)', height: 'data(size)', 'font-weight': 'bold' },
          },
          // A label that would overlap a more important one waits until its node is pointed at or selected.
          { selector: 'node.nolabel', style: { label: '' } },
          { selector: 'node.nolabel:selected, node.nolabel.hover', style: { label: 'data(label)', 'z-index': 10 } },
          { selector: 'node[kind = "order"]', style: { shape: 'round-rectangle', 'background-color': ORDER_COLOUR, width: 12, height: 12 } },
          ...Object.entries(KEY_COLOUR).map(([k, c]) => ({
            selector: `node[kind = "${k}"]`,
            style: { 'background-color': c, shape: 'diamond' as const, width: 20, height: 20 },
          })),
          ...Object.entries(KEY_COLOUR).map(([k, c]) => ({ selector: `edge[kind = "${k}"]`, style: { 'line-color': c, width: 1.5, opacity: 0.7 } })),
          { selector: 'node[hub = 1]', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#111' } },
          // Expanded neighbours, outside the ring's own links: faded, dotted.
          { selector: 'node[outside = 1]', style: { opacity: 0.55 } },
          { selector: 'edge[outside = 1]', style: { 'line-style': 'dotted', opacity: 0.5 } },
          { selector: ':selected', style: { 'border-width': 3, 'border-color': '#2f6fde' } },
        ],
        layout: {
          name: 'cose',
          animate: false,
          randomize: false,
          nodeDimensionsIncludeLabels: true,
          nodeRepulsion: () => 6000 + 60 * graph.nodes.length,
          idealEdgeLength: () => 70,
        },
        wheelSensitivity: 0.3,
      }),
    );
    // Laid out: labels that would overlap a kept one are hidden, most important kept first.
    const hidden = labelsToHide(
      cy.nodes().map((n) => {
        const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2, priority: (LABEL_RANK[n.data('kind') as string] ?? 3) * 10_000 + n.degree(false) };
      }),
    );
    cy.nodes().forEach((n) => {
      if (hidden.has(n.id())) n.addClass('nolabel');
    });
    setHiddenLabels(hidden.size);
    cy.on('mouseover', 'node', (e) => e.target.addClass('hover'));
    cy.on('mouseout', 'node', (e) => e.target.removeClass('hover'));
    cy.on('tap', 'node', (e) => onSelect(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) onSelect(null);
    });
    return () => cy.destroy();
  }, [graph, onSelect]);
  return (
    <div
      className="ring-graph"
      ref={box}
      role="img"
      aria-label={
        `Link graph: ${graph.nodes.length} nodes, ${graph.edges.length} links` +
        (graph.grouped ? `; ${graph.grouped} orders drawn in ${graph.members.size} groups by the values they share` : '') +
        (hiddenLabels ? `; ${hiddenLabels} labels that would overlap shown on pointing` : '')
      }
      data-testid="ring-graph"
      data-labels-hidden={hiddenLabels}
    />
  );
}
