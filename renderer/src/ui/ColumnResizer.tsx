// The handle on a column header's right edge: drag it, or focus it and press ← → (Shift: larger
// steps); double-click or Delete lets the column size to its content again.
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './useColumnWidths';

export function ColumnResizer({ name, width, onWidth }: { name: string; width: number | undefined; onWidth(width: number | null): void }) {
  const start = useRef<{ x: number; width: number } | null>(null);
  const self = useRef<HTMLSpanElement>(null);
  // A separator that takes the focus says its value: the width set, or the one the content gave.
  const [measured, setMeasured] = useState<number>(width ?? MIN_COLUMN_WIDTH);
  useLayoutEffect(() => {
    const th = self.current?.closest('th');
    if (th) setMeasured(Math.round(th.getBoundingClientRect().width));
  }, [width]);
  const headerWidth = (el: HTMLElement) => el.closest('th')?.getBoundingClientRect().width ?? width ?? 100;
  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width: headerWidth(e.currentTarget) };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    if (start.current) onWidth(start.current.width + e.clientX - start.current.x);
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    const step = e.shiftKey ? 40 : 10;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      onWidth(headerWidth(e.currentTarget) + (e.key === 'ArrowRight' ? step : -step));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onWidth(null);
    }
  };
  return (
    <span
      className="col-resizer no-print"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${name} column`}
      ref={self}
      aria-valuenow={width ?? measured}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      title="Drag to resize; ← → with the keyboard; double-click to size to the content"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onWidth(null)}
      onKeyDown={onKeyDown}
    />
  );
}
