import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../ipc/client';
import type { OrderListRow } from '../../../shared/orders/query';
import type { Filter } from './store';
import type { OrderSort } from '../../../shared/orders/query';

export const PAGE = 200;

/**
 * Rows of the current filter, fetched page by page as the table scrolls (offset paging). The cache is
 * dropped when filter, sort or data change; ids of all matches are fetched only when a range or
 * "select all" needs them.
 */
export function useOrderPages(filter: Filter, sort: OrderSort, dir: 'asc' | 'desc', version: number) {
  const [total, setTotal] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const cache = useRef(new Map<number, OrderListRow[]>());
  const pending = useRef(new Set<number>());
  const gen = useRef(0);
  const idsCache = useRef<Promise<number[]> | null>(null);
  const key = JSON.stringify([filter, sort, dir, version]);

  const load = useCallback(
    (page: number) => {
      if (cache.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const g = gen.current;
      void call('orders:list', { ...filter, sort, dir, offset: page * PAGE, limit: PAGE })
        .then((r) => {
          if (g !== gen.current) return;
          cache.current.set(page, r.rows);
          setTotal(r.total);
          setTick((t) => t + 1);
        })
        .finally(() => pending.current.delete(page));
    },
    [key],
  );

  useEffect(() => {
    gen.current++;
    cache.current = new Map();
    pending.current = new Set();
    idsCache.current = null;
    load(0);
  }, [key, load]);

  const row = (i: number): OrderListRow | undefined => cache.current.get(Math.floor(i / PAGE))?.[i % PAGE];
  const ensure = (from: number, to: number) => {
    for (let p = Math.floor(from / PAGE); p <= Math.floor(Math.max(from, to) / PAGE); p++) load(p);
  };
  const allIds = () => {
    idsCache.current ??= call('orders:ids', { ...filter, sort, dir }).then((r) => r.ids);
    return idsCache.current;
  };
  return { total, row, ensure, allIds };
}
