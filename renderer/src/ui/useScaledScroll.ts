// Drives a scroll box over a list of fixed-height rows with scaled scrolling (scaledScroll.ts):
// the scrollbar, the wheel and the keys move a content offset, and rows are placed from it.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { clampOffset, maxOffset, offsetAt, scrollScale, scrollSpace, scrollTopFor, type ScrollGeometry } from './scaledScroll';

export interface ScaledScroll {
  /** The scroll box and its sticky header, to attach. */
  box: RefObject<HTMLDivElement | null>;
  head: RefObject<HTMLDivElement | null>;
  /** Content offset of the viewport's top. */
  offset: number;
  /** The box's scrollTop the offset was drawn for. */
  scrollTop: number;
  /** Height of the spacer to scroll over. */
  space: number;
  geometry: ScrollGeometry;
  /** Moves the content to this offset (clamped), moving the scrollbar with it; drawn before the next paint unless `later`. */
  scrollToOffset(offset: number, later?: boolean): void;
}

export function useScaledScroll(rows: number, rowHeight: number): ScaledScroll {
  const box = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(0);
  const [pos, setPos] = useState({ offset: 0, scrollTop: 0 });
  const geometry: ScrollGeometry = { rows, rowHeight, viewport };
  // Listeners read the latest geometry and position without re-subscribing on every scroll.
  const g = useRef(geometry);
  const posRef = useRef(pos);
  useLayoutEffect(() => {
    g.current = { rows, rowHeight, viewport };
    posRef.current = pos;
  });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setViewport(Math.max(0, el.clientHeight - (head.current?.offsetHeight ?? 0)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scrollToOffset = useCallback((wanted: number, later = false) => {
    const el = box.current;
    if (!el) return;
    const offset = clampOffset(wanted, g.current);
    el.scrollTop = scrollTopFor(offset, g.current);
    // The browser may round scrollTop: rows are placed from what it kept.
    const next = { offset, scrollTop: el.scrollTop };
    posRef.current = next;
    if (later) setPos(next);
    else flushSync(() => setPos(next));
  }, []);

  // The scrollbar dragged or the box scrolled natively: the offset follows in proportion. A scroll
  // event for the position just set (by the wheel or a key) keeps its finer offset.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onScroll = () => {
      if (Math.abs(el.scrollTop - posRef.current.scrollTop) < 1) return;
      const next = { offset: offsetAt(el.scrollTop, g.current), scrollTop: el.scrollTop };
      posRef.current = next;
      flushSync(() => setPos(next));
    };
    // Scaled, one wheel pixel would move many rows: the wheel moves content pixels instead.
    const onWheel = (e: WheelEvent) => {
      if (scrollScale(g.current) <= 1 || Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.ctrlKey) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? rowHeight : e.deltaMode === 2 ? g.current.viewport : 1;
      scrollToOffset(posRef.current.offset + e.deltaY * unit);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
    };
  }, [rowHeight, scrollToOffset]);

  // Fewer rows (a new result) may leave the offset past the end.
  const offset = Math.min(pos.offset, maxOffset(geometry));
  return { box, head, offset, scrollTop: pos.scrollTop, space: scrollSpace(geometry), geometry, scrollToOffset };
}
