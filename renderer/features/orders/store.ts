import { create } from 'zustand';
import type { Channel, OrderStatus } from '../../../shared/domain/order';
import type { OrderSort } from '../../../shared/orders/query';

export type Filter = {
  search: string;
  statuses: OrderStatus[];
  channels: Channel[];
  dateFrom: string | null;
  dateTo: string | null;
  onlyWarnings: boolean;
};
export const emptyFilter: Filter = { search: '', statuses: [], channels: [], dateFrom: null, dateTo: null, onlyWarnings: false };

type State = {
  filter: Filter;
  sort: OrderSort;
  dir: 'asc' | 'desc';
  /** Selected order ids (may be all 100,000 matches after Ctrl+A: ids only, never rows). */
  selected: Set<number>;
  /** Index of the row with keyboard focus, and the anchor of a Shift range. */
  cursor: number;
  anchor: number;
  detailId: number | null;
  /** Bumped when orders changed (import, ship, edit): the table reloads its pages. */
  version: number;
  setFilter(p: Partial<Filter>): void;
  setSort(s: OrderSort): void;
  setSelected(ids: Iterable<number>): void;
  toggle(id: number): void;
  setCursor(i: number, anchor?: number): void;
  openDetail(id: number | null): void;
  bump(): void;
};

/** The order list's view state; the rows themselves live in the table's page cache. */
export const useOrders = create<State>((set) => ({
  filter: emptyFilter,
  sort: 'orderDate',
  dir: 'desc',
  selected: new Set(),
  cursor: 0,
  anchor: 0,
  detailId: null,
  version: 0,
  setFilter: (p) => set((s) => ({ filter: { ...s.filter, ...p }, selected: new Set(), cursor: 0, anchor: 0 })),
  setSort: (sort) => set((s) => ({ sort, dir: s.sort === sort ? (s.dir === 'asc' ? 'desc' : 'asc') : sort === 'orderDate' || sort === 'totalCents' ? 'desc' : 'asc', cursor: 0, anchor: 0 })),
  setSelected: (ids) => set({ selected: new Set(ids) }),
  toggle: (id) =>
    set((s) => {
      const next = new Set(s.selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { selected: next };
    }),
  setCursor: (cursor, anchor) => set((s) => ({ cursor, anchor: anchor ?? s.anchor })),
  openDetail: (detailId) => set({ detailId }),
  bump: () => set((s) => ({ version: s.version + 1 })),
}));
