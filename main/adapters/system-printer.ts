import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { PrinterPort } from '../ports/printer';
import type { Logger } from '../ports/logger';
import { createCupsPrinter } from './cups-printer';
import { createWindowsPrinter } from './windows-printer';

function onPath(bin: string, env: NodeJS.ProcessEnv): boolean {
  const dirs = (env.PATH ?? '').split(delimiter).concat(['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin']);
  return dirs.some((d) => {
    try {
      accessSync(join(d, bin), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The OS print system for this platform (CUPS/IPP on Linux and macOS, the spooler on Windows),
 * or null where none is reachable. PORTODESK_PRINTER=none turns printing off (PDFs are saved).
 */
export function createSystemPrinter(logger: Logger, platform: string = process.platform, env: NodeJS.ProcessEnv = process.env): PrinterPort | null {
  if (env.PORTODESK_PRINTER === 'none') return null;
  if (platform === 'win32') return createWindowsPrinter(logger);
  if (onPath('lp', env) && onPath('lpstat', env)) return createCupsPrinter(logger);
  logger.info('printer.none', { reason: 'CUPS-Programme lp/lpstat nicht gefunden' });
  return null;
}
