import { open, mkdir, rename, chmod, readFile, rm } from 'node:fs/promises';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, chmodSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../../db/types';
import { archiveFiles, documentPdf, documentsWithoutFile, recordArchiveFile, type DocKind } from '../../db/repos/documents';

export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

const SUB: Record<DocKind, string> = { invoice: 'rechnungen', cancellation: 'rechnungen', delivery_note: 'lieferscheine' };
const safe = (n: string) => n.replace(/[^A-Za-z0-9._-]+/g, '_');

export function archivePath(dataDir: string, kind: DocKind, issueDate: string, number: string): string {
  return join(dataDir, 'archive', SUB[kind], issueDate.slice(0, 4), `${safe(number)}.pdf`);
}

/** Write-then-rename with fsync: a crash leaves either no file, a stray .tmp, or the complete file. */
function writeDurably(path: string, bytes: Uint8Array): void {
  const dir = join(path, '..');
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  chmodSync(path, 0o444);
  const dfd = openSync(dir, 'r');
  try {
    fsyncSync(dfd);
  } catch {
    // Directories cannot be fsynced on Windows; the rename is still atomic there.
  } finally {
    closeSync(dfd);
  }
}

/**
 * The per-document files in <data>/archive are copies of the PDF bytes stored in SQLite. They are
 * written only after the document's transaction committed, so a file never exists without its
 * record; a missing or damaged file is rewritten from the database (same bytes, same SHA-256).
 */
export function writeArchiveFile(db: Db, dataDir: string, doc: { id: number; number: string; kind: DocKind; issue_date: string }, nowIso: string): string {
  const stored = documentPdf(db, doc.number)!;
  const path = ensureArchiveFile(dataDir, doc, stored.pdf, stored.sha256);
  recordArchiveFile(db, doc.id, path, nowIso);
  return path;
}

/** Writes the file unless an identical one is there; does not record it (the caller does, later). */
export function ensureArchiveFile(dataDir: string, doc: { number: string; kind: DocKind; issue_date: string }, pdf: Uint8Array, pdfSha256: string): string {
  const path = archivePath(dataDir, doc.kind, doc.issue_date, doc.number);
  if (!(existsSync(path) && sha256(readFileSync(path)) === pdfSha256)) {
    if (existsSync(path)) rmSync(path, { force: true });
    writeDurably(path, pdf);
  }
  return path;
}

/**
 * ensureArchiveFile without blocking the thread: the writes and both fsyncs run on libuv's pool, so a
 * batch commits the next document while this one's file reaches the disk. Same crash behaviour.
 */
export async function ensureArchiveFileAsync(dataDir: string, doc: { number: string; kind: DocKind; issue_date: string }, pdf: Uint8Array, pdfSha256: string): Promise<string> {
  const path = archivePath(dataDir, doc.kind, doc.issue_date, doc.number);
  const existing = await readFile(path).catch(() => null);
  if (existing && sha256(existing) === pdfSha256) return path;
  if (existing) await rm(path, { force: true });
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(pdf);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  await chmod(path, 0o444);
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } catch {
    // Directories cannot be fsynced on Windows; the rename is still atomic there.
  } finally {
    await dh.close();
  }
  return path;
}

/**
 * Start-up recovery: finish the files of documents committed just before a crash and drop their stray
 * temp files. A temp file can only belong to a document whose file was never noted, so only those
 * paths are looked at (start-up stays fast with a large archive).
 */
export function recoverArchive(db: Db, dataDir: string, nowIso: string): number {
  const missing = documentsWithoutFile(db);
  for (const d of missing) {
    rmSync(`${archivePath(dataDir, d.kind, d.issue_date, d.number)}.tmp`, { force: true });
    writeArchiveFile(db, dataDir, d, nowIso);
  }
  return missing.length;
}

export type ArchiveProblem = { number: string; path: string; problem: string };

/** Checks every archive file against the SHA-256 stored with its document, and every PDF file against a record. */
export function verifyArchive(db: Db, dataDir: string): ArchiveProblem[] {
  const problems: ArchiveProblem[] = [];
  const known = new Set<string>();
  for (const f of archiveFiles(db)) {
    known.add(f.path);
    if (!existsSync(f.path)) problems.push({ number: f.number, path: f.path, problem: 'Datei fehlt' });
    else if (sha256(readFileSync(f.path)) !== f.pdf_sha256) problems.push({ number: f.number, path: f.path, problem: 'SHA-256 stimmt nicht' });
  }
  const root = join(dataDir, 'archive');
  if (existsSync(root)) {
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
      const p = join(e.parentPath, e.name);
      if (e.isFile() && e.name.endsWith('.pdf') && !known.has(p)) problems.push({ number: '', path: p, problem: 'PDF ohne Datensatz' });
    }
  }
  return problems;
}
