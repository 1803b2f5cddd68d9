import type { PrinterPort } from '../ports/printer';
import type { Logger } from '../ports/logger';

/**
 * The OS print system for this platform (CUPS/IPP on Linux and macOS, the spooler on Windows),
 * or null where none is reachable.
 */
export function createSystemPrinter(logger: Logger): PrinterPort | null {
  void logger;
  return null;
}
