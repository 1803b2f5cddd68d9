import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../app/core';
import { AppError } from '../../../shared/errors';
import type { ImportFileReport, ImportReport } from '../../../shared/orders/import-report';
import { getMapping, importReportsOfJob, logImport } from '../../db/repos/orders-imports';
import { formatById, planUnits, sourceFile } from './importers/registry';
import { RowError, type SourceFile } from './importers/types';
import { applyParsed } from './apply-import';

export const IMPORT_JOB = 'orders.import';

type StoredFile = { name: string; path: string; sha256: string };
export type ImportPayload = {
  files: StoredFile[];
  /** Per unit: format id (or null: not recognised) and indexes into `files`. */
  units: { format: string | null; files: number[] }[];
  allOrNothing: boolean;
  mapping: string | null;
};

export type ImportOptions = { format?: string; allOrNothing?: boolean; mapping?: string };

function errorReport(file: string, format: string, formatLabel: string, error: string): ImportFileReport {
  return { file, format, formatLabel, orders: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, rolledBack: false, rejections: [], conflicts: [], error };
}

const readSource = (f: StoredFile): SourceFile => sourceFile(f.name, readFileSync(f.path));

/**
 * Import as a job: the files are kept under <data>/imports/<id>/ (what was imported stays on record),
 * each unit (a file, or Etsy/SP-API files that belong together) is one job item and one transaction.
 */
export function registerImportJob(core: AppCore, onChanged: () => void): void {
  core.jobs.register<ImportPayload>({
    kind: IMPORT_JOB,
    label: (p) => `Import: ${p.files.map((f) => f.name).join(', ')}`.slice(0, 200),
    runItem(ref, p, ctx) {
      const unit = p.units[Number(ref)];
      if (!unit) return { state: 'skipped', reason: 'unbekannter Teil' };
      const files = unit.files.map((i) => p.files[i]!);
      const name = files.map((f) => f.name).join(' + ');
      // Idempotent after a crash: a unit already logged for this job is not imported twice.
      if (importReportsOfJob(core.db, ctx.jobId).some((r) => r.file === name)) return { state: 'done' };
      let report: ImportFileReport;
      const format = unit.format ? formatById(unit.format) : undefined;
      if (!format) {
        report = errorReport(name, 'unknown', 'unbekannt', `Dateiart nicht erkannt: ${name} ist keine bekannte Bestelldatei (eBay, Amazon, Etsy, Shopify, WooCommerce). Format von Hand wählen oder eine Spaltenzuordnung anlegen.`);
      } else {
        try {
          const sources = files.map(readSource);
          const mapping = p.mapping ? getMapping(core.db, p.mapping) : null;
          if (p.mapping && !mapping) throw new RowError('Zuordnung', `Keine gespeicherte Zuordnung „${p.mapping}“`);
          const parsed = format.parse(sources, { mapping, signal: ctx.signal });
          report = applyParsed(core, parsed, { file: name, format: format.id, formatLabel: format.label, allOrNothing: p.allOrNothing });
        } catch (e) {
          if (!(e instanceof RowError)) core.logger.error('orders.import_failed', { file: name, error: e instanceof Error ? e.stack : String(e) });
          const msg = e instanceof RowError ? `${e.field}: ${e.message}` : `Die Datei konnte nicht gelesen werden (${e instanceof Error ? e.message : String(e)})`;
          report = errorReport(name, format.id, format.label, `${name} ist keine gültige Datei „${format.label}“ — ${msg}`);
        }
      }
      logImport(core.db, ctx.jobId, report, files.map((f) => f.sha256).join(','), core.nowIso());
      onChanged();
      if (report.error) return { state: 'skipped', reason: report.error };
      if (report.rolledBack) return { state: 'skipped', reason: `${name}: ${report.rejected} fehlerhafte Zeilen — nichts übernommen (alles oder nichts)` };
      return { state: 'done' };
    },
    finish(_p, ctx) {
      const report = combine(importReportsOfJob(core.db, ctx.jobId));
      return { result: report, summary: summaryText(report) };
    },
  });
}

export function combine(files: ImportFileReport[]): ImportReport {
  const sum = (k: 'new' | 'updated' | 'unchanged' | 'rejected') => files.reduce((s, f) => s + f[k], 0);
  return { files, new: sum('new'), updated: sum('updated'), unchanged: sum('unchanged'), rejected: sum('rejected') };
}

export function summaryText(r: ImportReport): string {
  const parts = [`${r.new} neu`, `${r.updated} aktualisiert`, `${r.unchanged} unverändert`];
  if (r.rejected) parts.push(`${r.rejected} abgelehnt`);
  const failed = r.files.filter((f) => f.error).length;
  if (failed) parts.push(`${failed} Datei(en) nicht lesbar`);
  const conflicts = r.files.reduce((s, f) => s + f.conflicts.length, 0);
  if (conflicts) parts.push(`${conflicts} mit Beleg nicht geändert`);
  return parts.join(', ');
}

/** Stores the files and plans the units; returns the job payload and its item refs. */
export function prepareImport(core: AppCore, files: { name: string; bytes: Uint8Array }[], opts: ImportOptions): { payload: ImportPayload; refs: string[] } {
  if (files.length === 0) throw new AppError('VALIDATION', 'Keine Datei zum Importieren angegeben');
  if (opts.format === 'generic' && !opts.mapping) throw new AppError('VALIDATION', 'Für „generic“ bitte eine gespeicherte Spaltenzuordnung angeben (--mapping NAME)');
  const dir = join(core.dataDir, 'imports', `${core.nowIso().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { recursive: true });
  const stored: StoredFile[] = files.map((f, i) => {
    const safe = f.name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(-120) || 'datei';
    const path = join(dir, `${i + 1}-${safe}`);
    writeFileSync(path, f.bytes);
    return { name: f.name, path, sha256: createHash('sha256').update(f.bytes).digest('hex') };
  });
  const sources = files.map((f) => sourceFile(f.name, f.bytes));
  const { units, unknown } = planUnits(sources, opts.format ?? (opts.mapping ? 'generic' : undefined));
  const idx = (s: SourceFile) => sources.indexOf(s);
  const planned = [
    ...units.map((u) => ({ format: u.format.id, files: u.files.map(idx) })),
    ...unknown.map((s) => ({ format: null, files: [idx(s)] })),
  ];
  return {
    payload: { files: stored, units: planned, allOrNothing: opts.allOrNothing ?? false, mapping: opts.mapping ?? null },
    refs: planned.map((_, i) => String(i)),
  };
}
