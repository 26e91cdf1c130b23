import { describe, expect, it } from 'vitest';
import { groupForDrawing, labelsToHide, type DrawGraph, type LabelBox } from '../../../shared/linking/graphDrawing';

/** `n` orders on one device, `m` of them also on one card, plus one order on the card only. */
function ring(n: number, m: number): DrawGraph {
  const g: DrawGraph = {
    nodes: [
      { id: 'k:device:d1', kind: 'device', label: 'd1', hub: false },
      { id: 'k:card:c1', kind: 'card', label: 'c1', hub: false },
    ],
    edges: [],
  };
  for (let i = 0; i < n; i++) {
    g.nodes.push({ id: `o:${i}`, kind: 'order', label: `#${i}`, hub: false });
    g.edges.push({ id: `e:${i}:d`, source: `o:${i}`, target: 'k:device:d1', type: 'device' });
    if (i < m) g.edges.push({ id: `e:${i}:c`, source: `o:${i}`, target: 'k:card:c1', type: 'card' });
  }
  g.nodes.push({ id: 'o:lone', kind: 'order', label: '#lone', hub: false });
  g.edges.push({ id: 'e:lone', source: 'o:lone', target: 'k:card:c1', type: 'card' });
  return g;
}

describe('large rings drawn grouped', () => {
  it('a ring of up to 200 orders is drawn as it is', () => {
    const g = ring(150, 20);
    const out = groupForDrawing(g);
    expect(out.nodes).toEqual(g.nodes);
    expect(out.edges).toEqual(g.edges);
    expect(out.grouped).toBe(0);
  });

  it('above 200, orders linking through the same values are one node per set of values; an order alone stays itself', () => {
    const out = groupForDrawing(ring(300, 40));
    const groups = out.nodes.filter((n) => n.kind === 'group');
    expect(groups.map((n) => n.label).sort()).toEqual(['260 orders', '40 orders']);
    expect(out.nodes.find((n) => n.id === 'o:lone')).toBeDefined();
    expect(out.grouped).toBe(300);
    // Every order is drawn exactly once: grouped, or itself.
    const drawn = [...out.members.values()].flat();
    expect(new Set(drawn).size).toBe(300);
    // Edges: the 260-group to the device, the 40-group to the device and the card, the lone order to the card.
    expect(out.edges).toHaveLength(4);
    const forty = groups.find((n) => n.label === '40 orders')!.id;
    expect(
      out.edges
        .filter((e) => e.source === forty)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['card', 'device']);
    expect(out.members.get(forty)).toEqual(Array.from({ length: 40 }, (_, i) => `o:${i}`));
  });
});

const box = (id: string, x: number, y: number, priority: number, w = 10, h = 4): LabelBox => ({ id, x1: x, y1: y, x2: x + w, y2: y + h, priority });

describe('labels that do not overlap', () => {
  it('hides the lower-priority label of each overlapping pair and keeps apart ones', () => {
    expect(labelsToHide([box('key', 0, 0, 3), box('order', 5, 2, 1), box('far', 50, 50, 1)])).toEqual(new Set(['order']));
  });

  it('a hidden label does not hide others: only overlaps with kept labels count', () => {
    // b overlaps a (kept) and c; c overlaps only b. b goes, c stays.
    expect(labelsToHide([box('a', 0, 0, 3), box('b', 8, 0, 2), box('c', 16, 0, 1)])).toEqual(new Set(['b']));
  });

  it('no two kept labels overlap, whatever the input order', () => {
    const boxes = Array.from({ length: 200 }, (_, i) => box(`n${i}`, (i * 7919) % 97, (i * 104729) % 53, i % 3));
    const hidden = labelsToHide(boxes);
    const kept = boxes.filter((b) => !hidden.has(b.id));
    for (let i = 0; i < kept.length; i++)
      for (let j = i + 1; j < kept.length; j++) {
        const [a, b] = [kept[i]!, kept[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
    expect(labelsToHide([...boxes].reverse())).toEqual(hidden);
  });
});
