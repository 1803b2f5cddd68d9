import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../ports/logger';
import type { PrintJobState, PrinterInfo, PrinterPort, PrintRequest } from '../ports/printer';
import { AppError } from '../../shared/errors';

/** Runs a CUPS client tool without a shell (queue names and titles are never interpreted). */
function run(cmd: string, args: string[], timeoutMs = 15_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout: String(stdout), stderr: String(stderr) }));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const fmt = (mm: number) => String(Math.round(mm * 100) / 100);

/**
 * The CUPS media keyword for a page: A4 by name (every PPD knows it), anything else as
 * Custom.WxHmm — label sizes are never in a generic PPD's list.
 */
export function cupsMedia(size: { width: number; height: number }): string {
  if (Math.abs(size.width - 210) < 0.5 && Math.abs(size.height - 297) < 0.5) return 'A4';
  return `Custom.${fmt(size.width)}x${fmt(size.height)}mm`;
}

/** `lp` arguments: exact media, 100 % (print-scaling=none and no fit-to-page), title and copies. */
export function lpArgs(req: PrintRequest, file: string): string[] {
  return [
    '-d', req.printer,
    '-t', req.title.slice(0, 120),
    '-n', String(Math.max(1, Math.floor(req.copies ?? 1))),
    '-o', `media=${cupsMedia(req.pageSizeMm)}`,
    '-o', 'print-scaling=none',
    '-o', 'fit-to-page=false',
    file,
  ];
}

/** Parses `lpoptions -p Q -l` for the PageSize choices ("*A4" is the default). */
export function parseMedia(lpoptionsL: string): string[] {
  const line = lpoptionsL.split('\n').find((l) => /^(PageSize|media)\b/i.test(l));
  if (!line) return [];
  return line.slice(line.indexOf(':') + 1).trim().split(/\s+/).map((m) => m.replace(/^\*/, '')).filter(Boolean);
}

/** Parses the value of one key from `lpoptions -p Q` (key=value or key='quoted value'). */
export function parseOption(lpoptions: string, key: string): string {
  const m = new RegExp(`(?:^|\\s)${key}=(?:'((?:[^'\\\\]|\\\\.)*)'|(\\S*))`).exec(lpoptions);
  return (m?.[1] ?? m?.[2] ?? '').replace(/\\(.)/g, '$1');
}

const reason = (e: unknown) => {
  const x = e as { stderr?: string; message?: string; code?: string };
  return (x.stderr || x.message || String(e)).trim().split('\n')[0] ?? '';
};

/** PrinterPort over the CUPS command-line clients (Linux and macOS). */
export function createCupsPrinter(logger: Logger): PrinterPort {
  return {
    async list(): Promise<PrinterInfo[]> {
      let names: string[];
      try {
        names = (await run('lpstat', ['-e'])).stdout.split('\n').map((s) => s.trim()).filter(Boolean);
      } catch (e) {
        // No scheduler running, or no printers at all: lpstat fails for both.
        logger.warn('printer.list_failed', { error: reason(e) });
        return [];
      }
      let def = '';
      try {
        def = /destination:\s*(\S+)/.exec((await run('lpstat', ['-d'])).stdout)?.[1] ?? '';
      } catch {
        def = '';
      }
      const out: PrinterInfo[] = [];
      for (const name of names) {
        const [opts, choices] = await Promise.all([
          run('lpoptions', ['-p', name]).then((r) => r.stdout, () => ''),
          run('lpoptions', ['-p', name, '-l']).then((r) => r.stdout, () => ''),
        ]);
        out.push({
          name,
          description: parseOption(opts, 'printer-info') || parseOption(opts, 'printer-make-and-model') || name,
          isDefault: name.toLowerCase() === def.toLowerCase(),
          media: parseMedia(choices),
        });
      }
      return out;
    },

    async print(req: PrintRequest) {
      const dir = mkdtempSync(join(tmpdir(), 'portodesk-print-'));
      const file = join(dir, 'job.pdf');
      try {
        writeFileSync(file, req.pdf);
        let stdout: string;
        try {
          ({ stdout } = await run('lp', lpArgs(req, file), 60_000));
        } catch (e) {
          throw new AppError('PRINT_FAILED', `Drucken auf „${req.printer}“ fehlgeschlagen: ${reason(e)}. Ist der Drucker in CUPS eingerichtet und aktiv (lpstat -p)?`);
        }
        const id = /request id is (\S+)/i.exec(stdout)?.[1];
        if (!id) throw new AppError('PRINT_FAILED', `CUPS hat den Druckauftrag für „${req.printer}“ nicht bestätigt: ${stdout.trim()}`);
        logger.info('printer.sent', { printer: req.printer, jobId: id, media: cupsMedia(req.pageSizeMm) });
        return { jobId: id };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },

    async jobState(printer: string, jobId: string): Promise<PrintJobState> {
      const listed = async (which: 'completed' | 'not-completed') => {
        try {
          const { stdout } = await run('lpstat', ['-W', which, '-o', printer]);
          // Queue names are case-insensitive in CUPS; job ids are "QUEUE-N".
          return stdout.split('\n').find((l) => l.split(/\s+/)[0]?.toLowerCase() === jobId.toLowerCase()) ?? null;
        } catch {
          return null;
        }
      };
      const open = await listed('not-completed');
      if (open) return /\bprinting\b|\bprocessing\b/i.test(open) ? 'processing' : 'pending';
      return (await listed('completed')) ? 'completed' : 'unknown';
    },
  };
}
