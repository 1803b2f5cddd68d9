import { create } from 'zustand';

export type ViewId = 'orders' | 'franking' | 'fees' | 'settings';
type NavState = { view: ViewId; go(view: ViewId): void };

/** Which view is showing. Other stores may call go() (e.g. a notification click opens the right view). */
export const useNav = create<NavState>((set) => ({
  view: 'orders',
  go: (view) => set({ view }),
}));
