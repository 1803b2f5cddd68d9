import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger, LogLevel } from '../ports/logger';

const MAX_BYTES = 5 * 1024 * 1024;
/** Keys whose values never reach a log file, whatever a caller passes. */
const SECRET_KEYS = /pass(word)?|secret|token|authorization|iban|client_secret/i;

function redact(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : v]));
}

/** JSON lines in <data>/logs/portodesk.log, rotated once at 5 MB. */
export function createFileLogger(file: string, opts: { echo?: boolean; minLevel?: LogLevel } = {}): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(opts.minLevel ?? 'info');
  const write = (level: LogLevel, event: string, data?: Record<string, unknown>) => {
    if (order.indexOf(level) < min) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...redact(data) }) + '\n';
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line);
    } catch {
      // Logging must never take the app down.
    }
    if (opts.echo && (level === 'warn' || level === 'error')) process.stderr.write(line);
  };
  return {
    debug: (e, d) => write('debug', e, d),
    info: (e, d) => write('info', e, d),
    warn: (e, d) => write('warn', e, d),
    error: (e, d) => write('error', e, d),
  };
}
