import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../db/open';
import { getSetting, setSetting } from '../db/repos/settings';
import { EventHub } from '../ports/events';
import { JobService } from '../services/jobs/job-service';
import { SettingsService } from '../services/settings/settings-service';
import { createDispatcher, type Dispatch, type Handlers } from '../ipc/dispatcher';
import { createAppFeature } from '../services/settings/feature';
import { createOrdersFeature } from '../services/orders/feature';
import { createBillingFeature } from '../services/billing/feature';
import { createDocumentsFeature } from '../services/documents/feature';
import { createLabelsFeature } from '../services/labels/feature';
import { createFrankingFeature } from '../services/franking/feature';
import { createExportsFeature } from '../services/exports/feature';
import { createShellFeature } from '../services/shell/feature';
import { appVersion } from './version';
import { AppError } from '../../shared/errors';
import type { ChannelName, Req, Res } from '../../shared/ipc/contract';
import type { AppConfig, AppCore, Ports } from './core';

export type ComposeOptions = {
  dataDir: string;
  ports: Ports;
  config?: AppConfig;
  /** Electron-ABI better-sqlite3 binary, when the app runs inside Electron. */
  nativeBinding?: string;
  platform?: string;
};

/**
 * The composition root shared by the Electron app, the CLI and the tests: ports → core →
 * capabilities → one dispatcher. Nothing here imports Electron.
 */
export function composeApp(opts: ComposeOptions) {
  mkdirSync(opts.dataDir, { recursive: true });
  const { ports } = opts;
  const db = openDatabase(join(opts.dataDir, 'portodesk.db'), { nativeBinding: opts.nativeBinding, now: () => ports.clock.now() });
  const nowIso = () => ports.clock.now().toISOString();
  let installationId = getSetting<string>(db, 'installationId');
  if (!installationId) {
    installationId = randomUUID();
    setSetting(db, 'installationId', installationId, nowIso());
  }
  const events = new EventHub();
  const core: AppCore = {
    ...ports,
    db,
    dataDir: opts.dataDir,
    events,
    jobs: new JobService(db, ports.clock, events, ports.logger),
    settings: new SettingsService(db, nowIso),
    installationId,
    config: opts.config ?? {},
    nowIso,
    appVersion: appVersion(),
    platform: opts.platform ?? process.platform,
  };

  const app = createAppFeature(core);
  const orders = createOrdersFeature(core);
  const billing = createBillingFeature(core);
  // labels first: it owns the PrintService (labels.printing) that documents and franking print through.
  const labels = createLabelsFeature(core, { orders, billing });
  const documents = createDocumentsFeature(core, { orders, billing, printing: labels.printing });
  const franking = createFrankingFeature(core, { orders, labels });
  const exports = createExportsFeature(core, { orders, documents, billing });
  const shell = createShellFeature(core);
  // Low-balance notices follow the seller's notification settings (shell policy).
  franking.useNotices((n) => shell.notifications.notify(n));

  const handlers: Handlers = {
    ...app.handlers,
    ...orders.handlers,
    ...billing.handlers,
    ...documents.handlers,
    ...labels.handlers,
    ...franking.handlers,
    ...exports.handlers,
    ...shell.handlers,
  };
  const dispatch: Dispatch = createDispatcher(handlers, ports.logger);
  const features = { orders, billing, documents, labels, franking, exports, shell };

  let closed = false;
  return {
    core,
    db,
    dispatch,
    features,
    /** Typed call through the dispatcher, unwrapping the envelope (CLI and tests). */
    async call<C extends ChannelName>(channel: C, req: Req<C>): Promise<Res<C>> {
      const env = await dispatch(channel, req, { origin: 'cli' });
      if (!env.ok) throw new AppError(env.error.code, env.error.message, env.error.details);
      return env.value as Res<C>;
    },
    async close() {
      if (closed) return;
      closed = true;
      await core.jobs.pauseAll();
      db.close();
    },
  };
}
export type PortodeskApp = ReturnType<typeof composeApp>;
