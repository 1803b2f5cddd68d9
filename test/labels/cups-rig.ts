import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/cli';

export const QUEUE = 'PortodeskPDF';

export type CupsRig = { queue: string; outDir: string } | { skip: string };

const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin}`]).status === 0;

/**
 * The real print system for tests: cupsd with a cups-pdf queue (scripts/ci/start-cups.sh, which is
 * idempotent). Skips ONLY when cupsd is not installed; any other failure fails the test.
 */
export function cupsRig(): CupsRig {
  if (!has('cupsd')) return { skip: 'cupsd ist nicht installiert (apt-get install -y cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils) – CUPS-Tests übersprungen' };
  execFileSync('bash', [join(repoRoot, 'scripts', 'ci', 'start-cups.sh')], { stdio: 'pipe' });
  const conf = `/etc/cups/cups-pdf-${QUEUE}.conf`;
  const out = /^Out\s+(.+)$/m.exec(readFileSync(existsSync(conf) ? conf : '/etc/cups/cups-pdf.conf', 'utf8'))?.[1]?.trim();
  if (!out) throw new Error(`Kein Out-Verzeichnis in ${conf}`);
  return { queue: QUEUE, outDir: out };
}

/** The file cups-pdf wrote for a job: names are unreliable, the "-job_<n>.pdf" suffix is not. */
export async function waitForOutput(outDir: string, jobId: string, timeoutMs = 30_000): Promise<string> {
  const n = jobId.split('-').pop();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const f = readdirSync(outDir).find((x) => x.endsWith(`-job_${n}.pdf`));
    if (f) {
      const p = join(outDir, f);
      // cups-pdf writes through Ghostscript; wait until the file is complete.
      if (spawnSync('pdfinfo', [p]).status === 0) return p;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cups-pdf hat für ${jobId} nach ${timeoutMs} ms keine Datei in ${outDir} geschrieben`);
}

const PT = 25.4 / 72;
/** Page sizes in mm of every page, from pdfinfo. */
export function pageSizesMm(file: string): { width: number; height: number }[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]) * PT, height: Number(m[2]) * PT }));
}

/** Bounding box (mm from the top-left) of everything dark on page 1, from a 50 dpi greyscale render. */
export function inkBoxMm(file: string): { left: number; top: number; right: number; bottom: number } {
  const dpi = 50;
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', file], { maxBuffer: 64 * 1024 * 1024 });
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[pos]!))) pos += 1;
    let t = '';
    while (!/\s/.test(String.fromCharCode(pgm[pos]!))) t += String.fromCharCode(pgm[pos++]!);
    tokens.push(t);
  }
  pos += 1;
  const w = Number(tokens[1]);
  const h = Number(tokens[2]);
  let left = w, top = h, right = -1, bottom = -1;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      if (pgm[pos + y * w + x]! < 128) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  const mm = 25.4 / dpi;
  return { left: left * mm, top: top * mm, right: (right + 1) * mm, bottom: (bottom + 1) * mm };
}
