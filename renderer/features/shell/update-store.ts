import { create } from 'zustand';
import { call, onEvent } from '../../ipc/client';
import type { UpdateStatus } from '../../../shared/ipc/channels/shell';

type UpdateStore = {
  status: UpdateStatus | null;
  error: string | null;
  busy: boolean;
  set(status: UpdateStatus): void;
  run(action: 'shell:update:check' | 'shell:update:install' | 'shell:update:dismiss'): Promise<void>;
};

/** The update state main reports ('update:status'); the banner and the settings section read the same store. */
export const useUpdates = create<UpdateStore>((set) => ({
  status: null,
  error: null,
  busy: false,
  set: (status) => set({ status }),
  async run(action) {
    set({ busy: true, error: null });
    try {
      set({ status: await call(action, {}) });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      set({ busy: false });
    }
  },
}));

let wired = false;
/** Subscribes once for the whole renderer and loads the current state. */
export function wireUpdates(): void {
  if (wired) return;
  wired = true;
  onEvent('update:status', (s) => useUpdates.getState().set(s));
  void call('shell:update:status', {}).then(
    (s) => useUpdates.getState().set(s),
    () => undefined,
  );
}
