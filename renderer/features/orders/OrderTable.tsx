import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useT, useI18nStore } from '../../app/i18n';
import { formatCents, formatDate } from '../../../shared/format';
import type { OrderListRow } from '../../../shared/orders/query';
import { COLUMNS } from './columns';
import { StatusBadge } from './StatusBadge';
import { useOrders } from './store';
import type { useOrderPages } from './pages';

const ROW_H = 30;

type Props = { pages: ReturnType<typeof useOrderPages>; onShortcut(e: KeyboardEvent): boolean };

/**
 * The virtualized order list: only the visible rows (plus a few) are in the DOM, pages of 200 rows
 * are fetched as they scroll into view, so 100,000 orders scroll like 100. Keyboard: j/k/↑/↓ move,
 * Shift extends, Space selects, Enter opens the detail, Ctrl+A selects all matches (ids only).
 */
export function OrderTable({ pages, onShortcut }: Props) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { sort, dir, setSort, selected, cursor, setCursor, toggle, setSelected, openDetail, detailId } = useOrders();
  const [widths, setWidths] = useState(() => COLUMNS.map((c) => c.width));
  const scroller = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  const v = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_H, overscan: 12 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => pages.ensure(first, last), [first, last, pages]);

  const template = `32px ${widths.map((w) => `${w}px`).join(' ')}`;
  const rowWidth = 32 + widths.reduce((s, w) => s + w, 0);

  const moveTo = async (i: number, extend: boolean) => {
    const next = Math.max(0, Math.min(total - 1, i));
    const anchor = useOrders.getState().anchor;
    setCursor(next, extend ? anchor : next);
    v.scrollToIndex(next, { align: 'auto' });
    if (extend) {
      const ids = await pages.allIds();
      const [a, b] = anchor < next ? [anchor, next] : [next, anchor];
      setSelected(ids.slice(a, b + 1));
    }
  };

  const onKey = async (e: KeyboardEvent<HTMLDivElement>) => {
    if (onShortcut(e)) return;
    const k = e.key;
    if (k === 'ArrowDown' || k === 'j' || k === 'J') {
      e.preventDefault();
      await moveTo(cursor + 1, e.shiftKey);
    } else if (k === 'ArrowUp' || k === 'k' || k === 'K') {
      e.preventDefault();
      await moveTo(cursor - 1, e.shiftKey);
    } else if (k === 'PageDown' || k === 'PageUp') {
      e.preventDefault();
      await moveTo(cursor + (k === 'PageDown' ? 20 : -20), e.shiftKey);
    } else if (k === 'Home' || k === 'End') {
      e.preventDefault();
      await moveTo(k === 'Home' ? 0 : total - 1, e.shiftKey);
    } else if (k === ' ') {
      e.preventDefault();
      const r = pages.row(cursor);
      if (r) toggle(r.id);
    } else if (k === 'Enter') {
      e.preventDefault();
      const r = pages.row(cursor);
      if (r) openDetail(r.id);
    } else if ((e.ctrlKey || e.metaKey) && (k === 'a' || k === 'A')) {
      e.preventDefault();
      setSelected(await pages.allIds());
    } else if (k === 'Escape') {
      if (detailId !== null) openDetail(null);
      else setSelected([]);
    }
  };

  const onRowClick = async (e: MouseEvent, i: number, r: OrderListRow) => {
    scroller.current?.focus();
    if (e.shiftKey) {
      await moveTo(i, true);
      return;
    }
    setCursor(i, i);
    if (e.ctrlKey || e.metaKey) toggle(r.id);
    else {
      setSelected([r.id]);
      openDetail(r.id);
    }
  };

  const startResize = (e: MouseEvent, idx: number) => {
    e.preventDefault();
    e.stopPropagation();
    const x0 = e.clientX;
    const w0 = widths[idx]!;
    const onMove = (ev: globalThis.MouseEvent) => setWidths((ws) => ws.map((w, j) => (j === idx ? Math.max(COLUMNS[idx]!.min, w0 + ev.clientX - x0) : w)));
    const onUp = () => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
    };
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', onUp);
  };

  const cell = (r: OrderListRow, id: string) => {
    switch (id) {
      case 'status':
        return <StatusBadge status={r.status} />;
      case 'channel':
        return t(`orders.channel.${r.channel}`);
      case 'externalId':
        return <span className="mono">{r.externalId}</span>;
      case 'orderDate':
        return formatDate(r.orderDate, locale);
      case 'buyerName':
        return r.shipName && r.shipName !== r.buyerName ? `${r.buyerName} → ${r.shipName}` : r.buyerName;
      case 'country':
        return r.country;
      case 'itemCount':
        return `${r.itemCount} · ${r.firstItem}`;
      case 'totalCents':
        return formatCents(r.totalCents, r.currency, locale);
      case 'warnings':
        return r.warningCount ? <span className="warn-chip">⚠ {r.warningCount}</span> : '';
      default:
        return '';
    }
  };

  return (
    <div
      ref={scroller}
      className="order-table"
      role="grid"
      aria-label={t('orders.table')}
      aria-rowcount={total + 1}
      aria-multiselectable="true"
      tabIndex={0}
      onKeyDown={(e) => void onKey(e)}
      data-testid="orders-table"
    >
      <div className="ot-head" role="row" style={{ gridTemplateColumns: template, width: rowWidth }}>
        <div role="columnheader" className="ot-cell ot-check" aria-label={t('orders.selected', { count: selected.size })} />
        {COLUMNS.map((c, idx) => (
          <div
            key={c.id}
            role="columnheader"
            className={`ot-cell ot-hcell${c.align === 'right' ? ' right' : ''}`}
            aria-sort={c.sort && sort === c.sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {c.sort ? (
              <button type="button" className="ot-sort" onClick={() => setSort(c.sort!)} data-testid={`sort-${c.id}`}>
                {t(c.labelKey)}
                {sort === c.sort ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
              </button>
            ) : (
              t(c.labelKey)
            )}
            <span className="ot-resize" onMouseDown={(e) => startResize(e, idx)} aria-hidden="true" />
          </div>
        ))}
      </div>
      <div style={{ height: v.getTotalSize(), width: rowWidth, position: 'relative' }}>
        {items.map((vi) => {
          const r = pages.row(vi.index);
          const sel = r ? selected.has(r.id) : false;
          return (
            <div
              key={vi.key}
              role="row"
              aria-rowindex={vi.index + 2}
              aria-selected={sel}
              className={`ot-row${sel ? ' selected' : ''}${vi.index === cursor ? ' cursor' : ''}${r && r.id === detailId ? ' open' : ''}`}
              style={{ transform: `translateY(${vi.start}px)`, height: ROW_H, gridTemplateColumns: template, width: rowWidth }}
              onClick={(e) => r && void onRowClick(e, vi.index, r)}
              onDoubleClick={() => r && openDetail(r.id)}
              data-testid={r ? 'orders-row' : 'orders-row-loading'}
              data-id={r?.id}
            >
              <div role="gridcell" className="ot-cell ot-check">
                {r && (
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={sel}
                    aria-label={t('orders.select.row', { id: r.externalId })}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => toggle(r.id)}
                  />
                )}
              </div>
              {COLUMNS.map((c) => (
                <div key={c.id} role="gridcell" className={`ot-cell${c.align === 'right' ? ' right' : ''}`}>
                  {r ? cell(r, c.id) : vi.index === first ? t('common.loading') : ''}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
