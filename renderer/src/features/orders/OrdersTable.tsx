// A virtualised table over the current query result: only the visible rows exist in the
// DOM, so 1M orders scroll like 100.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useUi } from '../../state/uiStore';
import type { OrderRow } from '../../core/contract';
import { GRID_TEMPLATE, ORDER_COLUMNS, TABLE_WIDTH } from './orderColumns';
import type { OrderRowsState } from './useOrderRows';

const ROW_HEIGHT = 30;

export function OrdersTable({ rows, onOpen, selected }: { rows: OrderRowsState; onOpen(o: OrderRow): void; selected: number | null }) {
  const { sort, setSort } = useUi();
  const scroller = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  // No React Compiler in this build, so the library's unmemoisable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange, version } = rows;
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, version, ensureRange]);

  // A new result starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [version]);

  return (
    <div className="table-scroll" ref={scroller} role="grid" aria-rowcount={total + 1} aria-label="Orders">
      <div className="table-inner" style={{ width: TABLE_WIDTH }}>
        <div className="thead" role="row" style={{ gridTemplateColumns: GRID_TEMPLATE }}>
          {ORDER_COLUMNS.map((c) => {
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
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const o = rows.row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={`tr${o && o.row === selected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: GRID_TEMPLATE }}
                onClick={() => o && onOpen(o)}
              >
                {o ? (
                  ORDER_COLUMNS.map((c) => (
                    <div key={c.id} role="gridcell" className={`td${c.align === 'right' ? ' right' : ''}`}>
                      {c.cell(o)}
                    </div>
                  ))
                ) : (
                  <div className="td skeleton" role="gridcell" aria-busy="true" />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
