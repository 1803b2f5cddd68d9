import { join } from 'node:path';
import { systemClock, type Clock } from '../ports/clock';
import { createFileLogger } from '../adapters/file-logger';
import { fetchHttp } from '../adapters/fetch-http';
import { createEnvSecretStore } from '../adapters/env-secret-store';
import { createLogNotifier } from '../adapters/console-notifier';
import { createSystemPrinter } from '../adapters/system-printer';
import type { Ports } from './core';

/** A clock that can be pinned for automation and tests: PORTODESK_NOW=2026-12-24T10:00:00Z. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.PORTODESK_NOW;
  if (!fixed) return systemClock;
  const t = Date.parse(fixed);
  if (Number.isNaN(t)) throw new Error(`PORTODESK_NOW: ungültiger Zeitpunkt „${fixed}“ (ISO-8601 erwartet)`);
  return { now: () => new Date(t) };
}

/** Ports for a plain Node process (the CLI): no Electron anywhere. */
export function nodePorts(dataDir: string, env: NodeJS.ProcessEnv = process.env): Ports {
  const logger = createFileLogger(join(dataDir, 'logs', 'portodesk.log'));
  return {
    clock: clockFromEnv(env),
    logger,
    secrets: createEnvSecretStore(env),
    notifier: createLogNotifier(logger, true),
    http: fetchHttp,
    printer: createSystemPrinter(logger),
    updater: null,
  };
}
