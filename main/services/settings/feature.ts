import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { appChannels } from '../../../shared/ipc/channels/app';
import { schemaVersion } from '../../db/migrate';

/** App info, settings and the job list: the foundation's own channels. */
export function createAppFeature(core: AppCore) {
  const handlers: FeatureHandlers<typeof appChannels> = {
    'app:info': () => ({ appVersion: core.appVersion, schemaVersion: schemaVersion(core.db), dataDir: core.dataDir, platform: core.platform }),
    'settings:company:get': () => core.settings.company(),
    'settings:company:save': (req) => core.settings.saveCompany(req),
    'settings:get': (req) => ({ key: req.key, value: core.settings.get(req.key) }),
    'settings:set': (req) => ({ key: req.key, value: core.settings.set(req.key, req.value) }),
    'jobs:list': (req) => core.jobs.list(req.active ?? false),
    'jobs:cancel': (req) => core.jobs.cancel(req.jobId),
    'jobs:resume': (req) => core.jobs.resume(req.jobId),
  };
  return { handlers };
}
