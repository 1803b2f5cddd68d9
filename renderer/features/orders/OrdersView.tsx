import { useCallback, useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { call, onEvent } from '../../ipc/client';
import { orderActions } from '../../app/contributions';
import type { Order } from '../../../shared/domain/order';
import { useOrders } from './store';
import { useOrderPages } from './pages';
import { OrderTable } from './OrderTable';
import { FilterBar } from './FilterBar';
import { DetailPane } from './DetailPane';
import { ImportDialog } from './ImportDialog';
import { OrderForm } from './OrderForm';
import { Toolbar, matchesShortcut } from './Toolbar';
import './orders.css';

const num = (n: number) => new Intl.NumberFormat('de-DE').format(n);

/** Home: the order list with filters, the detail pane, import and the batch toolbar. */
export function OrdersView() {
  const t = useT();
  const { filter, sort, dir, version, detailId, selected, bump, openDetail } = useOrders();
  const pages = useOrderPages(filter, sort, dir, version);
  const searchRef = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);
  const [importFiles, setImportFiles] = useState<File[] | null>(null);
  const [formOrder, setFormOrder] = useState<Order | null | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const [formats, setFormats] = useState<{ id: string; label: string; hint: string }[]>([]);
  const [anyOrders, setAnyOrders] = useState<boolean | null>(null);

  useEffect(() => onEvent('orders:changed', () => bump()), [bump]);
  useEffect(() => {
    void call('orders:facets', {}).then((f) => setAnyOrders(f.total > 0));
  }, [version]);
  useEffect(() => {
    if (anyOrders === false) void call('orders:formats', {}).then(setFormats);
  }, [anyOrders]);
  // '/' focuses the search from anywhere in the view (not while typing in a field).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const closeDialog = useCallback(() => setDialog(null), []);
  const refresh = useCallback(() => bump(), [bump]);
  /** Action shortcuts (Ctrl+P, Ctrl+L, …) while the table has focus. */
  const onShortcut = (e: KeyboardEvent): boolean => {
    const a = orderActions.find((x) => x.shortcut && matchesShortcut(e, x.shortcut));
    if (!a || selected.size === 0) return false;
    e.preventDefault();
    void Promise.resolve(a.run({ orderIds: [...selected], openDialog: setDialog, closeDialog, refresh })).catch(() => undefined);
    return true;
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length) setImportFiles(files);
  };

  return (
    <div
      className={`orders-view${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
      data-testid="orders-view"
    >
      <Toolbar openDialog={setDialog} closeDialog={closeDialog} refresh={refresh} onImport={() => setImportFiles([])} onNew={() => setFormOrder(null)} />
      <FilterBar searchRef={searchRef} />
      <div className="orders-main">
        <div className="orders-list">
          <div className="orders-count muted" aria-live="polite" data-testid="orders-count">
            {pages.total === null ? t('common.loading') : t('orders.count', { shown: num(pages.total), total: num(pages.total) })}
          </div>
          {anyOrders === false ? (
            <section className="empty-state" data-testid="orders-empty">
              <h1>{t('orders.empty.title')}</h1>
              <p>{t('orders.empty.text')}</p>
              <button type="button" className="primary" onClick={() => setImportFiles([])}>
                {t('orders.import.choose')}
              </button>
              <p className="muted">{t('orders.empty.formats')}</p>
              <ul className="format-list">
                {formats.map((f) => (
                  <li key={f.id}>
                    <strong>{f.label}</strong> — <span className="muted">{f.hint}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : pages.total === 0 ? (
            <p className="empty-state">{t('orders.empty.noMatch')}</p>
          ) : (
            <OrderTable pages={pages} onShortcut={onShortcut} />
          )}
        </div>
        {detailId !== null && <DetailPane id={detailId} onEdit={(o) => setFormOrder(o)} />}
      </div>
      {dragging && <div className="drop-hint">{t('orders.import.drop')}</div>}
      {importFiles !== null && <ImportDialog initialFiles={importFiles} onClose={() => setImportFiles(null)} />}
      {formOrder !== undefined && (
        <OrderForm
          order={formOrder}
          onCancel={() => setFormOrder(undefined)}
          onDone={(o) => {
            setFormOrder(undefined);
            bump();
            openDetail(o.id);
          }}
        />
      )}
      {dialog}
    </div>
  );
}
