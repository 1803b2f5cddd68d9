import { useState, type ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { orderActions } from '../../app/contributions';
import type { OrderActionContext } from '../../app/registries';
import { useOrders } from './store';

/** Batch actions on the selection: every capability's orderActions (with their shortcut) in one row. */
export function Toolbar({ openDialog, closeDialog, refresh, onImport, onNew }: {
  openDialog(n: ReactNode): void; closeDialog(): void; refresh(): void; onImport(): void; onNew(): void;
}) {
  const t = useT();
  const selected = useOrders((s) => s.selected);
  const [message, setMessage] = useState<string | null>(null);
  const ctx = (): OrderActionContext => ({ orderIds: [...selected], openDialog, closeDialog, refresh });
  const run = async (a: (typeof orderActions)[number]) => {
    setMessage(null);
    if (selected.size === 0) {
      setMessage(t('orders.noSelection'));
      return;
    }
    try {
      await a.run(ctx());
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="orders-toolbar" role="toolbar" aria-label={t('orders.toolbar')}>
      <button type="button" className="primary" onClick={onImport} data-testid="orders-import">
        {t('orders.import')}
      </button>
      <button type="button" onClick={onNew} data-testid="orders-new">
        {t('orders.new')}
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      {orderActions.map((a) => (
        <button
          key={a.id}
          type="button"
          onClick={() => void run(a)}
          disabled={selected.size === 0}
          title={a.shortcut ? `${t(a.labelKey)} (${a.shortcut})` : t(a.labelKey)}
          aria-keyshortcuts={a.shortcut?.replace(/\s/g, '')}
          data-testid={`action-${a.id}`}
        >
          {t(a.labelKey)}
          {a.shortcut ? <kbd>{a.shortcut}</kbd> : null}
        </button>
      ))}
      <span className="selected-count" aria-live="polite" data-testid="orders-selected-count">
        {t('orders.selected', { count: selected.size })}
      </span>
      {message && (
        <span className="toolbar-message warn" role="status">
          {message}
        </span>
      )}
    </div>
  );
}

/** Matches a keyboard event against an action's shortcut text ("Ctrl+P", "Ctrl+Shift+V"). */
export function matchesShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }, shortcut: string): boolean {
  const parts = shortcut.toLowerCase().split('+');
  const key = parts[parts.length - 1]!;
  return (
    e.key.toLowerCase() === key &&
    (e.ctrlKey || e.metaKey) === parts.includes('ctrl') &&
    e.shiftKey === parts.includes('shift') &&
    e.altKey === parts.includes('alt')
  );
}
