import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { shellChannels } from '../../../shared/ipc/channels/shell';

/** Builds the shell capability: its services and its IPC handlers. */
export function createShellFeature(core: AppCore) {
  void core;
  const handlers: FeatureHandlers<typeof shellChannels> = {};
  return { handlers };
}
export type ShellFeature = ReturnType<typeof createShellFeature>;
