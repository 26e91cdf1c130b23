import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_SPACE,
  maxOffset,
  maxScrollTop,
  offsetAt,
  offsetShowing,
  rowTop,
  rowsInView,
  scrollScale,
  scrollSpace,
  scrollTopFor,
} from '../../../renderer/src/ui/scaledScroll';
import { columnsThatFit, nextToHide } from '../../../renderer/src/ui/columnFit';

const MILLION = { rows: 1_000_000, rowHeight: 30, viewport: 600 };
const TEN_K = { rows: 10_000, rowHeight: 30, viewport: 600 };

describe('scaled scrolling', () => {
  it('below the cap scrolls natively: the offset is the scroll position and rows sit at index × height', () => {
    expect(scrollSpace(TEN_K)).toBe(300_000);
    expect(scrollScale(TEN_K)).toBe(1);
    expect(offsetAt(12_345, TEN_K)).toBe(12_345);
    expect(scrollTopFor(12_345, TEN_K)).toBe(12_345);
    expect(rowTop(500, 12_345, 12_345, 30)).toBe(15_000);
  });

  it('a million rows ask the browser for no more than the cap, and every drawn row sits within a viewport of the scroll position', () => {
    expect(scrollSpace(MILLION)).toBe(MAX_SCROLL_SPACE);
    expect(scrollScale(MILLION)).toBeGreaterThan(14);
    for (const fraction of [0, 0.001, 0.6, 0.999, 1]) {
      const scrollTop = fraction * maxScrollTop(MILLION);
      const offset = offsetAt(scrollTop, MILLION);
      const { first, last } = rowsInView(offset, MILLION, 12);
      for (const i of [first, last]) {
        const top = rowTop(i, scrollTop, offset, 30);
        expect(Math.abs(top - scrollTop)).toBeLessThanOrEqual(600 + 13 * 30);
        expect(top + 30).toBeLessThanOrEqual(MAX_SCROLL_SPACE + 13 * 30);
      }
      // Consecutive rows touch: one row height apart, wherever the list is.
      expect(rowTop(first + 1, scrollTop, offset, 30) - rowTop(first, scrollTop, offset, 30)).toBe(30);
    }
  });

  it('the scrollbar at its ends shows the first and the last row; the mapping goes both ways', () => {
    expect(rowsInView(offsetAt(0, MILLION), MILLION, 0).first).toBe(0);
    const end = offsetAt(maxScrollTop(MILLION), MILLION);
    expect(end).toBe(maxOffset(MILLION));
    expect(rowsInView(end, MILLION, 0).last).toBe(999_999);
    // The last row's bottom is the viewport's bottom, at the end of the scroll space.
    expect(rowTop(999_999, maxScrollTop(MILLION), end, 30) + 30).toBe(MAX_SCROLL_SPACE);
    expect(offsetAt(scrollTopFor(17_000_000, MILLION), MILLION)).toBeCloseTo(17_000_000, 3);
  });

  it('brings a row into view by moving as little as possible', () => {
    expect(offsetShowing(10, 0, MILLION)).toBe(0);
    expect(offsetShowing(20, 0, MILLION)).toBe(21 * 30 - 600);
    expect(offsetShowing(5, 3000, MILLION)).toBe(150);
    expect(offsetShowing(999_999, 0, MILLION)).toBe(maxOffset(MILLION));
  });
});

describe('columns that fit', () => {
  const cols = [
    { id: 'date', priority: 1, width: 140 },
    { id: 'email', priority: 3, width: 200 },
    { id: 'city', priority: 5, width: 110 },
    { id: 'postcode', priority: 5, width: 80 },
    { id: 'ip', priority: 8, width: 120 },
  ];
  it('hides the highest priority number first, the rightmost among equals, and never a priority-1 column', () => {
    expect(columnsThatFit(cols, 1000, new Set()).hiddenToFit).toEqual([]);
    expect(columnsThatFit(cols, 500, new Set()).hiddenToFit.map((c) => c.id)).toEqual(['ip', 'postcode']);
    expect(columnsThatFit(cols, 10, new Set()).shown.map((c) => c.id)).toEqual(['date']);
    expect(nextToHide([cols[0]!])).toBeUndefined();
  });
  it('columns switched off by the analyst do not count against the width', () => {
    expect(columnsThatFit(cols, 500, new Set(['email'])).hiddenToFit).toEqual([]);
  });
});
