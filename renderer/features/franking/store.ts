import { create } from 'zustand';
import { call } from '../../ipc/client';
import type { Res } from '../../../shared/ipc/contract';

type Status = Res<'franking:status'>;

/** Franking state shared by the view, the settings section and the toolbar action. */
type FrankingState = {
  /** Orders handed over by the order list's 'Frankieren' action; null = all waiting orders. */
  preselected: number[] | null;
  status: Status | null;
  preselect(ids: number[] | null): void;
  loadStatus(): Promise<Status>;
  setBalance(balanceCents: number | null, at: string | null): void;
};

export const useFranking = create<FrankingState>((set, get) => ({
  preselected: null,
  status: null,
  preselect: (ids) => set({ preselected: ids }),
  loadStatus: async () => {
    const status = await call('franking:status', {});
    set({ status });
    return status;
  },
  setBalance: (balanceCents, at) => {
    const s = get().status;
    if (s) set({ status: { ...s, balanceCents, balanceAt: at } });
  },
}));

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
