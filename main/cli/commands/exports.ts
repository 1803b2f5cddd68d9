import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliContext } from '../command';
import { UsageError } from '../command';
import type { ExportResult } from '../../services/exports/export-service';
import type { ExportScope } from '../../services/exports/export-service';
import type { RuleFailure } from '../../../shared/einvoice/rules';
import { monthPeriod } from '../../services/exports/period';
import { AppError } from '../../../shared/errors';

function out(ctx: CliContext): string {
  const v = ctx.values.out;
  if (typeof v !== 'string' || v === '') throw new UsageError('--out DATEI erwartet');
  return resolve(v);
}

/** --month YYYY-MM, or --from/--to, or order ids as positionals. */
function scope(ctx: CliContext, allowIds = true): ExportScope {
  const { month, from, to } = ctx.values as { month?: string; from?: string; to?: string };
  if (typeof month === 'string') return monthPeriod(month);
  if (typeof from === 'string' && typeof to === 'string') return { from, to };
  if (allowIds && ctx.positionals.length) {
    return {
      orderIds: ctx.positionals.map((p) => {
        const n = Number(p);
        if (!Number.isInteger(n) || n <= 0) throw new UsageError(`„${p}“ ist keine Auftrags-ID`);
        return n;
      }),
    };
  }
  throw new UsageError('--from DATUM --to DATUM (JJJJ-MM-TT) oder --month JJJJ-MM erwartet');
}

const summary = (r: ExportResult) =>
  `${r.fileName}: ${r.rows} Zeile(n), ${r.orderCount} Auftrag/Aufträge (${r.from} bis ${r.to})\n  Datei: ${r.path}\n  SHA-256: ${r.sha256}` +
  (r.newlyCharged ? `\n  ${r.newlyCharged} Auftrag/Aufträge erstmals gebührenpflichtig genutzt.` : '');
const json = (r: ExportResult) => ({ ...r, bytes: undefined });

const failuresText = (fs: RuleFailure[]) => fs.map((f) => `  ${f.id}: ${f.text}${f.location ? `  [${f.location}]` : ''}`).join('\n');

const PERIOD_OPTS = { from: { type: 'string' }, to: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } } as const;

/** `portodesk` subcommands of the exports capability. */
export const exportsCommands: CliCommand[] = [
  {
    name: 'export csv',
    usage: '--from JJJJ-MM-TT --to JJJJ-MM-TT --out DATEI [--invoices] | AUFTRAGS-ID... --out DATEI',
    summary: 'Aufträge (oder mit --invoices Rechnungen) als CSV für Excel exportieren',
    options: { ...PERIOD_OPTS, invoices: { type: 'boolean' } },
    run(ctx) {
      const svc = ctx.app.features.exports.exports;
      const r = ctx.values.invoices ? svc.invoicesCsv(scope(ctx), out(ctx)) : svc.ordersCsv(scope(ctx), out(ctx));
      ctx.print(json(r), () => summary(r));
    },
  },
  {
    name: 'export datev',
    usage: '--month JJJJ-MM --out DATEI',
    summary: 'DATEV-Buchungsstapel (EXTF) der Rechnungen eines Monats, geprüft',
    options: PERIOD_OPTS,
    run(ctx) {
      const r = ctx.app.features.exports.exports.datev(scope(ctx), out(ctx));
      ctx.print(json(r), () => `${summary(r)}\n  Prüfung bestanden (Kopf, 125 Spalten, Formate, Kontenbereiche, Summen).`);
    },
  },
  {
    name: 'export pdfs',
    usage: '--month JJJJ-MM --out DATEI.zip',
    summary: 'ZIP mit den Rechnungs-PDFs für das Steuerbüro',
    options: PERIOD_OPTS,
    run(ctx) {
      const r = ctx.app.features.exports.exports.pdfZip(scope(ctx), out(ctx));
      ctx.print(json(r), () => summary(r));
    },
  },
  {
    name: 'invoice xml',
    usage: 'RECHNUNGSNR --out DATEI.xml [--pdf DATEI.pdf] [--xrechnung]',
    summary: 'E-Rechnung (CII-XML, geprüft) einer Rechnung schreiben; --pdf zusätzlich das hybride PDF/A-3',
    options: { out: { type: 'string' }, pdf: { type: 'string' }, xrechnung: { type: 'boolean' } },
    async run(ctx) {
      const [number, ...rest] = ctx.positionals;
      if (!number || rest.length) throw new UsageError('genau eine RECHNUNGSNUMMER erwartet');
      const target = out(ctx);
      const status = await ctx.app.call('einvoice:create', { invoiceNumber: number, profile: ctx.values.xrechnung ? 'xrechnung' : undefined });
      if (status.state !== 'issued') {
        ctx.print(status, () => `E-Rechnung zu ${number} NICHT ausgestellt — ${status.failures.length} Regel(n) verletzt:\n${failuresText(status.failures)}`);
        return 1;
      }
      const row = ctx.app.features.exports.einvoices.get(number)!;
      writeFileSync(target, row.xml, 'utf8');
      if (typeof ctx.values.pdf === 'string') writeFileSync(resolve(ctx.values.pdf), row.pdf);
      ctx.print({ ...status, out: target }, () =>
        `E-Rechnung ${number} (${status.profile === 'xrechnung' ? 'XRechnung 3.0' : 'EN 16931 / ZUGFeRD'}) geprüft und geschrieben: ${target}` +
        (typeof ctx.values.pdf === 'string' ? `\n  Hybrides PDF/A-3: ${resolve(ctx.values.pdf)}` : '') +
        `\n  SHA-256 XML: ${status.xmlSha256}`,
      );
    },
  },
  {
    name: 'invoice validate',
    usage: 'DATEI (.xml oder .pdf mit eingebetteter XML)',
    summary: 'E-Rechnung gegen CII-XSD und CEN-Schematron (und XRechnung BR-DE) prüfen; Exit 0 nur wenn gültig',
    async run(ctx) {
      const [file, ...rest] = ctx.positionals;
      if (!file || rest.length) throw new UsageError('genau eine DATEI erwartet');
      let bytes: Buffer;
      try {
        bytes = readFileSync(resolve(file));
      } catch (e) {
        throw new AppError('NOT_FOUND', `${file}: Datei nicht lesbar (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      }
      const r = await ctx.app.call('einvoice:validate', { fileName: file, contentBase64: bytes.toString('base64') });
      ctx.print(r, () =>
        (r.valid
          ? `${file}: gültig (${r.checks.join(', ')})${r.embeddedFile ? ` — eingebettet als ${r.embeddedFile}` : ''}`
          : `${file}: UNGÜLTIG — ${r.failures.length} Regel(n) verletzt:\n${failuresText(r.failures)}`) +
        (r.warnings.length ? `\nHinweise:\n${failuresText(r.warnings)}` : ''),
      );
      return r.valid ? 0 : 1;
    },
  },
];
