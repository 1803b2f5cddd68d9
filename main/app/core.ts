import type { Db } from '../db/types';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SecretStore } from '../ports/secret-store';
import type { Notifier } from '../ports/notifier';
import type { Http } from '../ports/http';
import type { PrinterPort } from '../ports/printer';
import type { UpdaterPort } from '../ports/updater';
import type { EventHub } from '../ports/events';
import type { JobService } from '../services/jobs/job-service';
import type { SettingsService } from '../services/settings/settings-service';

/** The ports a Portodesk process runs with. Electron, the CLI and tests each bring their own set. */
export type Ports = {
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  notifier: Notifier;
  http: Http;
  /** null where no print system is reachable: documents are then saved as PDF and the seller told where. */
  printer: PrinterPort | null;
  updater: UpdaterPort | null;
};

export type AppConfig = {
  /** Internetmarke REST API base URL. */
  internetmarkeUrl?: string;
  /** Billing service base URL. */
  billingUrl?: string;
  /** Update feed URL (generic provider). */
  updateFeedUrl?: string;
};

/** What every capability is built from. */
export type AppCore = Ports & {
  db: Db;
  dataDir: string;
  events: EventHub;
  jobs: JobService;
  settings: SettingsService;
  /** Random id of this installation; prefixes usage-event keys so the billing service counts each once. */
  installationId: string;
  config: AppConfig;
  nowIso(): string;
  appVersion: string;
  platform: string;
};
