import { zipSync, type Zippable } from 'fflate';

/** File name safe on Windows, macOS and Linux. */
export const safeFileName = (v: string) => v.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').slice(0, 120);

/**
 * A ZIP of invoice PDFs for the accountant, one file per invoice named by its number. PDFs are already
 * compressed, so they are stored (level 0) — faster, and no bigger.
 */
export function buildPdfZip(files: { name: string; bytes: Uint8Array }[], mtime: Date): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[safeFileName(f.name)] = [f.bytes, { level: 0 }];
  return zipSync(entries, { mtime });
}
