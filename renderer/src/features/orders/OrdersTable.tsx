// A virtualised table over the current query result: only the visible rows exist in the DOM, and
// the scroll space is capped with scaled scrolling (ui/scaledScroll.ts), so 1M orders scroll like
// 100 and every row is drawn where it is. Columns fit the width by priority (ui/columnFit.ts).
import { useEffect, useLayoutEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useUi } from '../../state/uiStore';
import type { OrderRow } from '../../core/contract';
import { ColumnChooser } from '../../ui/ColumnChooser';
import { columnsThatFit } from '../../ui/columnFit';
import { offsetShowing, rowTop, rowsInView } from '../../ui/scaledScroll';
import { useColumnChoice } from '../../ui/useColumnChoice';
import { useScaledScroll } from '../../ui/useScaledScroll';
import { ORDER_COLUMNS, erasedCell, gridTemplate, tableWidth, type OrderColumn } from './orderColumns';
import { orderKey } from '../../../../shared/domain/order';
import { useErasureMarks } from '../../state/useErasedOrders';
import type { OrderRowsState } from './useOrderRows';

export const ROW_HEIGHT = 30;
const OVERSCAN = 12;

export function OrdersTable({ rows, onOpen, selected }: { rows: OrderRowsState; onOpen(o: OrderRow): void; selected: number | null }) {
  const total = rows.total ?? 0;
  const scroll = useScaledScroll(total, ROW_HEIGHT);
  const { box: scroller, head, offset, scrollTop, geometry, scrollToOffset } = scroll;
  const [active, setActive] = useState<number | null>(null);
  const { first, last } = rowsInView(offset, geometry, OVERSCAN);
  const { ensureRange, version } = rows;
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, version, ensureRange]);

  // A new result starts at the top, with no row under the cursor.
  useEffect(() => {
    scrollToOffset(0, true);
    setActive(null);
  }, [version, scrollToOffset]);

  const choice = useColumnChoice('orders');
  const width = useBoxWidth(scroller);
  const { shown, hiddenToFit } = columnsThatFit(ORDER_COLUMNS, width, choice.hidden);
  const template = gridTemplate(shown);
  const markOf = useErasureMarks();

  const moveTo = (index: number) => {
    const i = Math.min(Math.max(index, 0), total - 1);
    setActive(i);
    scrollToOffset(offsetShowing(i, offset, geometry));
  };
  const pageRows = Math.max(1, Math.floor(geometry.viewport / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0 || e.target !== e.currentTarget) return;
    const at = active ?? Math.floor(offset / ROW_HEIGHT) - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(at - 1),
      PageDown: () => moveTo(at + pageRows),
      PageUp: () => moveTo(at - pageRows),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => {
        const o = active === null ? undefined : rows.row(active);
        if (o) onOpen(o);
      },
    };
    const act = keys[e.key];
    if (!act || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    act();
  };

  const drawn: number[] = [];
  for (let i = first; i <= last; i++) drawn.push(i);
  const activeShown = active !== null && active >= first && active <= last;
  return (
    <div className="orders-table">
      <ColumnChooser
        table="Orders"
        columns={ORDER_COLUMNS.map((c) => ({ id: c.id, name: c.label, priority: c.priority }))}
        choice={choice}
        hiddenToFit={hiddenToFit.map((c) => c.id)}
      />
      <div
        className="table-scroll"
        ref={scroller}
        role="grid"
        tabIndex={0}
        aria-rowcount={total + 1}
        aria-colcount={shown.length}
        aria-label="Orders"
        aria-activedescendant={activeShown ? rowId(active) : undefined}
        onKeyDown={onKeyDown}
        data-scale={scroll.space < total * ROW_HEIGHT ? 'scaled' : 'native'}
      >
        <div className="table-inner" style={{ minWidth: tableWidth(shown) }}>
          <HeaderRow columns={shown} template={template} head={head} />
          <div className="tbody" style={{ height: scroll.space }}>
            {drawn.map((index) => {
              const o = rows.row(index);
              return (
                <div
                  key={index}
                  id={rowId(index)}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-selected={o !== undefined && o.row === selected}
                  className={`tr${o && o.row === selected ? ' selected' : ''}${index % 2 ? ' odd' : ''}${index === active ? ' active' : ''}`}
                  style={{ transform: `translateY(${rowTop(index, scrollTop, offset, ROW_HEIGHT)}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
                  onClick={() => {
                    setActive(index);
                    if (o) onOpen(o);
                  }}
                >
                  {o ? (
                    shown.map((c) => {
                      const erased = erasedCell(shown, c, o, markOf(orderKey(o), o.createdAt));
                      const text = erased ?? c.text(o);
                      return (
                        <div key={c.id} role="gridcell" className={`td${c.align === 'right' ? ' right' : ''}`} title={text || undefined}>
                          {erased !== null ? <span className="erased-mark">{erased}</span> : c.cell ? c.cell(o) : text}
                        </div>
                      );
                    })
                  ) : (
                    <div className="td skeleton" role="gridcell" aria-busy="true" />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

function rowId(index: number): string {
  return `orders-row-${index}`;
}

function HeaderRow({ columns, template, head }: { columns: readonly OrderColumn[]; template: string; head: RefObject<HTMLDivElement | null> }) {
  const { sort, setSort } = useUi();
  return (
    <div className="thead" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }} ref={head}>
      {columns.map((c) => {
        const active = c.sort !== undefined && sort.field === c.sort;
        return (
          <div
            key={c.id}
            role="columnheader"
            className={`th${c.align === 'right' ? ' right' : ''}`}
            aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {c.sort ? (
              <button className="th-sort" onClick={() => setSort({ field: c.sort!, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })}>
                {c.label}
                <span aria-hidden>{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            ) : (
              c.label
            )}
          </div>
        );
      })}
    </div>
  );
}

/** The box's inner width, kept as it resizes. */
function useBoxWidth(box: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(Number.POSITIVE_INFINITY);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);
  return width;
}
