import { useEffect, useRef, useState } from 'react';
import { useT } from '../../app/i18n';
import { call, onEvent } from '../../ipc/client';
import { OrderStatus, type Channel } from '../../../shared/domain/order';
import { statusTone } from '../../../shared/orders/status';
import { emptyFilter, useOrders } from './store';

type Facets = Awaited<ReturnType<typeof call<'orders:facets'>>>;

/** Search box ('/' focuses it) and filter chips for channel, status, date range and warnings. */
export function FilterBar({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const { filter, setFilter, version } = useOrders();
  const [text, setText] = useState(filter.search);
  const [facets, setFacets] = useState<Facets | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    void call('orders:facets', {}).then(setFacets);
  }, [version]);
  useEffect(() => onEvent('orders:changed', () => void call('orders:facets', {}).then(setFacets)), []);
  useEffect(() => setText(filter.search), [filter.search]);

  const onSearch = (v: string) => {
    setText(v);
    if (timer.current) clearTimeout(timer.current);
    // Type-ahead: a short pause before asking main, so fast typing does not queue ten queries.
    timer.current = setTimeout(() => setFilter({ search: v }), 150);
  };
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const statusCount = (s: string) => facets?.statuses.find((x) => x.status === s)?.count ?? 0;
  const active = JSON.stringify(filter) !== JSON.stringify(emptyFilter);

  return (
    <div className="filter-bar">
      <input
        ref={searchRef}
        type="search"
        className="order-search"
        placeholder={t('orders.search')}
        aria-label={t('orders.search')}
        title={t('orders.search.hint')}
        value={text}
        onChange={(e) => onSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setFilter({ search: text });
          if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
        }}
        data-testid="orders-search"
      />
      <div className="chips" role="group" aria-label={t('orders.filter.status')}>
        {OrderStatus.options.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip tone-${statusTone[s]}${filter.statuses.includes(s) ? ' on' : ''}`}
            aria-pressed={filter.statuses.includes(s)}
            onClick={() => setFilter({ statuses: toggle(filter.statuses, s) })}
            data-testid={`chip-status-${s}`}
          >
            {t(`order.status.${s}`)} <span className="chip-count">{statusCount(s)}</span>
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label={t('orders.filter.channel')}>
        {(facets?.channels ?? []).map(({ channel, count }) => (
          <button
            key={channel}
            type="button"
            className={`chip${filter.channels.includes(channel) ? ' on' : ''}`}
            aria-pressed={filter.channels.includes(channel)}
            onClick={() => setFilter({ channels: toggle(filter.channels, channel as Channel) })}
            data-testid={`chip-channel-${channel}`}
          >
            {t(`orders.channel.${channel}`)} <span className="chip-count">{count}</span>
          </button>
        ))}
      </div>
      <label className="date-filter">
        {t('orders.filter.from')}
        <input type="date" value={filter.dateFrom ?? ''} onChange={(e) => setFilter({ dateFrom: e.target.value || null })} data-testid="filter-from" />
      </label>
      <label className="date-filter">
        {t('orders.filter.to')}
        <input type="date" value={filter.dateTo ?? ''} onChange={(e) => setFilter({ dateTo: e.target.value || null })} data-testid="filter-to" />
      </label>
      <button
        type="button"
        className={`chip warn-filter${filter.onlyWarnings ? ' on' : ''}`}
        aria-pressed={filter.onlyWarnings}
        onClick={() => setFilter({ onlyWarnings: !filter.onlyWarnings })}
        data-testid="chip-warnings"
      >
        ⚠ {t('orders.filter.warnings')}
      </button>
      {active && (
        <button type="button" className="link" onClick={() => setFilter(emptyFilter)} data-testid="filter-reset">
          {t('orders.filter.reset')}
        </button>
      )}
    </div>
  );
}
