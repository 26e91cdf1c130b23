// Scaled scrolling for very long lists: the scroll space is capped where the browser still places
// every pixel exactly, and a scroll position maps to a row offset in proportion.
//
// Browsers keep layout positions in fixed or single-precision units: past about 16 million px
// (a million 30 px rows is 30 million) rows are drawn a pixel or more out of place. Below the cap
// the list scrolls natively (offset === scrollTop); above it one scroll pixel stands for
// `scale` content pixels, and rows are placed relative to the viewport, so no position the
// browser is asked to draw is larger than the cap.

/** The tallest scroll space a list asks of the browser: a few million px, well inside exact. */
export const MAX_SCROLL_SPACE = 2_000_000;

export interface ScrollGeometry {
  rows: number;
  rowHeight: number;
  /** Height of the rows' viewport (the scroll box less its sticky header). */
  viewport: number;
  /** The cap, for tests; MAX_SCROLL_SPACE otherwise. */
  maxSpace?: number;
}

/** Height of the spacer the scroll box scrolls over. */
export function scrollSpace({ rows, rowHeight, maxSpace = MAX_SCROLL_SPACE }: ScrollGeometry): number {
  return Math.min(rows * rowHeight, maxSpace);
}

/** The furthest the content scrolls: its last row's bottom at the viewport's bottom. */
export function maxOffset(g: ScrollGeometry): number {
  return Math.max(0, g.rows * g.rowHeight - g.viewport);
}

/** The furthest the scroll box scrolls over its spacer. */
export function maxScrollTop(g: ScrollGeometry): number {
  return Math.max(0, scrollSpace(g) - g.viewport);
}

/** Content pixels per scroll pixel: 1 below the cap. */
export function scrollScale(g: ScrollGeometry): number {
  const top = maxScrollTop(g);
  return top > 0 ? maxOffset(g) / top : 1;
}

/** The content offset a scroll position stands for (the scrollbar dragged, the box scrolled natively). */
export function offsetAt(scrollTop: number, g: ScrollGeometry): number {
  const top = maxScrollTop(g);
  if (top <= 0) return 0;
  return clampOffset((Math.min(Math.max(scrollTop, 0), top) / top) * maxOffset(g), g);
}

/** The scroll position that stands for a content offset. */
export function scrollTopFor(offset: number, g: ScrollGeometry): number {
  const max = maxOffset(g);
  return max > 0 ? (clampOffset(offset, g) / max) * maxScrollTop(g) : 0;
}

export function clampOffset(offset: number, g: ScrollGeometry): number {
  return Math.min(Math.max(offset, 0), maxOffset(g));
}

/** Rows to draw for a content offset, with `overscan` more on each side. */
export function rowsInView(offset: number, g: ScrollGeometry, overscan: number): { first: number; last: number } {
  if (g.rows === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(offset / g.rowHeight) - overscan);
  const last = Math.min(g.rows - 1, Math.ceil((offset + g.viewport) / g.rowHeight) - 1 + overscan);
  return { first, last };
}

/**
 * Where row `index` sits on the spacer, given the box's actual scrollTop and the content offset it
 * stands for: relative to the viewport, so it is never more than a viewport from `scrollTop`.
 * Below the cap this is exactly `index * rowHeight`.
 */
export function rowTop(index: number, scrollTop: number, offset: number, rowHeight: number): number {
  return scrollTop + (index * rowHeight - offset);
}

/** The offset that brings row `index` fully into view, moving as little as possible. */
export function offsetShowing(index: number, offset: number, g: ScrollGeometry): number {
  const top = index * g.rowHeight;
  const bottom = top + g.rowHeight;
  if (top < offset) return clampOffset(top, g);
  if (bottom > offset + g.viewport) return clampOffset(bottom - g.viewport, g);
  return offset;
}
