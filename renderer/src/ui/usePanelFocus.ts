// A panel that opens takes the focus (its heading), Escape closes it, and closing gives the focus
// back to what opened it: the keyboard path in and out of the order, ring and dispute panels.
import { useEffect, useRef, type KeyboardEvent } from 'react';

/**
 * `key`: what the panel shows (an order, a ring); the heading takes the focus again when it
 * changes. `bringIntoView`: a panel shown above a long list (a dispute over the deadline list, a ring over the ring list) is
 * scrolled to when it opens or shows another row, else the row clicked far down the list changes
 * a panel out of sight. Returns the heading's ref (give it tabIndex={-1}) and a keydown handler for the panel.
 */
export function usePanelFocus<T extends HTMLElement = HTMLHeadingElement>(key: unknown, onClose: () => void, { bringIntoView = false } = {}) {
  const headingRef = useRef<T>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    return () => {
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    };
  }, []);
  useEffect(() => {
    const heading = headingRef.current;
    heading?.focus({ preventScroll: true });
    if (!bringIntoView || !heading) return;
    // A heading already in sight stays where it is; else the panel comes in from its top edge.
    const { top, bottom } = heading.getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) (heading.closest('.panel') ?? heading).scrollIntoView({ block: 'start' });
  }, [key, bringIntoView]);
  const onPanelKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // Escape in a field clears or leaves the field first (a browser's own behaviour); not the panel.
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, [contenteditable="true"]')) return;
    e.preventDefault();
    onClose();
  };
  return { headingRef, onPanelKeyDown };
}
