import { create } from 'zustand';
import { call, onEvent } from '../../ipc/client';
import type { SyncStateView, TrialStatusView } from '../../../shared/ipc/channels/billing';

type BillingState = {
  trial: TrialStatusView | null;
  sync: SyncStateView | null;
  /** The seller chose "Später" on the registration bar / expiry dialog (this session only). */
  registrationDismissed: boolean;
  expiryDismissed: boolean;
  refresh(): Promise<void>;
  dismissRegistration(): void;
  dismissExpiry(): void;
  /** Shows the registration bar again (from the fees view after "Später"). */
  showRegistration(): void;
};

/** Trial and sync state shared by the badge, the overlays and the fees view; kept fresh by main's events. */
export const useBilling = create<BillingState>((set) => ({
  trial: null,
  sync: null,
  registrationDismissed: false,
  expiryDismissed: false,
  async refresh() {
    const [trial, sync] = await Promise.all([call('billing:trial', {}), call('billing:sync:state', {})]);
    set({ trial, sync });
  },
  dismissRegistration: () => set({ registrationDismissed: true }),
  dismissExpiry: () => set({ expiryDismissed: true }),
  showRegistration: () => set({ registrationDismissed: false }),
}));

let started = false;
/** Subscribes once to 'trial:status' / 'sync:state' and re-reads the trial every 10 minutes (days tick over). */
export function startBillingStore(): void {
  if (started) return;
  started = true;
  onEvent('trial:status', (trial) => useBilling.setState({ trial }));
  onEvent('sync:state', (sync) => useBilling.setState({ sync }));
  // A refused invoice/label/export brings the explanation back even after "Später".
  onEvent('billing:required', () => {
    useBilling.setState({ expiryDismissed: false });
    void useBilling.getState().refresh();
  });
  void useBilling.getState().refresh();
  setInterval(() => void useBilling.getState().refresh(), 10 * 60_000);
}
