import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliContext } from '../command';
import { UsageError } from '../command';
import { formatCents } from '../../../shared/format';
import type { DocumentRef } from '../../../shared/ipc/channels/documents';
import { BATCH_KIND, type BatchPayload, type BatchResult } from '../../services/documents/batch';
import { combinePdfs } from '../../services/documents/batch';
import { getDocumentByNumber } from '../../db/repos/documents';
import { verifyArchive } from '../../services/documents/archive-files';

const KIND = { invoice: 'Rechnung', cancellation: 'Stornorechnung', delivery_note: 'Lieferschein' } as const;
const line = (d: DocumentRef) =>
  `${d.number.padEnd(16)} ${KIND[d.kind].padEnd(15)} Auftrag ${String(d.orderId).padEnd(6)} ${d.issueDate}  ${formatCents(d.grossCents, d.currency).padStart(12)}` +
  `${d.cancelledBy ? `  storniert durch ${d.cancelledBy}` : ''}${d.cancels ? `  storniert ${d.cancels}` : ''}`;

function orderIds(ctx: CliContext): number[] {
  if (ctx.positionals.length === 0) throw new UsageError('mindestens eine AUFTRAGS-ID erwartet');
  return ctx.positionals.map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`„${p}“ ist keine Auftrags-ID (ganze Zahl erwartet)`);
    return n;
  });
}

function outFile(ctx: CliContext, required: boolean): string | null {
  const out = ctx.values.out;
  if (typeof out !== 'string' || out === '') {
    if (required) throw new UsageError('--out DATEI erwartet');
    return null;
  }
  return resolve(out);
}

/** `portodesk` subcommands of the documents capability. */
export const documentsCommands: CliCommand[] = [
  {
    name: 'invoice create',
    usage: 'ORDER_ID... [--json]',
    summary: 'Rechnung(en) für Aufträge ausstellen (vorhandene bleiben unverändert)',
    async run(ctx) {
      const r = await ctx.app.call('documents:createInvoices', { orderIds: orderIds(ctx) });
      ctx.print(r, () => [...r.documents.map((d) => `${line(d)}\n  PDF: ${d.archivePath}`), `${r.created} neu ausgestellt.`].join('\n'));
    },
  },
  {
    name: 'invoice storno',
    usage: 'INVOICE_NO [--json]',
    summary: 'Rechnung durch eine Stornorechnung aufheben',
    async run(ctx) {
      const [number, ...rest] = ctx.positionals;
      if (!number || rest.length) throw new UsageError('genau eine RECHNUNGSNUMMER erwartet');
      const d = await ctx.app.call('documents:cancel', { number });
      ctx.print(d, () => `Stornorechnung ${d.number} zu Rechnung ${d.cancels} ausgestellt (${formatCents(d.grossCents, d.currency)}).\n  PDF: ${d.archivePath}`);
    },
  },
  {
    name: 'invoice list',
    usage: '[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
    summary: 'Ausgestellte Rechnungen und Stornorechnungen anzeigen',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    async run(ctx) {
      const list = await ctx.app.call('documents:list', {
        kinds: ['invoice', 'cancellation'],
        fromDay: typeof ctx.values.from === 'string' ? ctx.values.from : undefined,
        toDay: typeof ctx.values.to === 'string' ? ctx.values.to : undefined,
      });
      ctx.print(list, () => list.map(line).join('\n') || 'Keine Rechnungen.');
    },
  },
  {
    name: 'invoice pdf',
    usage: 'INVOICE_NO --out FILE',
    summary: 'Das gespeicherte PDF einer Rechnung unverändert ausgeben',
    options: { out: { type: 'string', short: 'o' } },
    async run(ctx) {
      const [number, ...rest] = ctx.positionals;
      if (!number || rest.length) throw new UsageError('genau eine RECHNUNGSNUMMER erwartet');
      const file = outFile(ctx, true)!;
      const p = await ctx.app.call('documents:pdf', { number });
      writeFileSync(file, Buffer.from(p.base64, 'base64'));
      ctx.print({ number: p.number, file, sha256: p.sha256 }, `${p.number} → ${file} (SHA-256 ${p.sha256})`);
    },
  },
  {
    name: 'delivery-note create',
    usage: 'ORDER_ID... [--out FILE] [--json]',
    summary: 'Lieferschein(e) ausstellen; mit --out als ein PDF speichern',
    options: { out: { type: 'string', short: 'o' } },
    async run(ctx) {
      const ids = orderIds(ctx);
      const file = outFile(ctx, false);
      const r = await ctx.app.call('documents:createDeliveryNotes', { orderIds: ids });
      if (file) {
        const rows = r.documents.map((d) => getDocumentByNumber(ctx.app.db, d.number)!);
        writeFileSync(file, await combinePdfs(ctx.app.db, rows));
      }
      ctx.print({ ...r, file }, () =>
        [...r.documents.map((d) => `${line(d)}\n  PDF: ${d.archivePath}`), `${r.created} neu ausgestellt.`, ...(file ? [`Gespeichert: ${file}`] : [])].join('\n'),
      );
    },
  },
  {
    name: 'documents batch',
    usage: 'ORDER_ID... [--no-invoice] [--no-delivery-note] [--out FILE | --archive-only] [--json]',
    summary: 'Rechnungen + Lieferscheine drucken (Job; fortsetzbar nach Absturz)',
    options: { 'no-invoice': { type: 'boolean' }, 'no-delivery-note': { type: 'boolean' }, out: { type: 'string', short: 'o' }, 'archive-only': { type: 'boolean' } },
    async run(ctx) {
      const jobs = ctx.app.core.jobs;
      // A batch interrupted by a crash continues first, so its orders are not issued twice.
      const resumed = jobs.resumeInterrupted();
      for (const id of resumed) await jobs.wait(id);
      const archiveOnly = ctx.values['archive-only'] === true;
      const payload: BatchPayload = {
        invoice: ctx.values['no-invoice'] !== true, deliveryNote: ctx.values['no-delivery-note'] !== true, print: !ctx.values.out && !archiveOnly, combine: !archiveOnly,
      };
      const view = await jobs.run(BATCH_KIND, payload, orderIds(ctx).map(String));
      const result = view.result as BatchResult | null | undefined;
      const file = outFile(ctx, false);
      if (file && result) writeFileSync(file, await ctx.app.call('documents:batchPdf', { jobId: view.id }).then((p) => Buffer.from(p.base64, 'base64')));
      ctx.print({ job: view, file }, () => `${view.summary ?? view.state}${file ? `\nGespeichert: ${file}` : ''}`);
      return view.state === 'done' ? 0 : 1;
    },
  },
  {
    name: 'documents gaps',
    usage: '[--json]',
    summary: 'Lücken in den Nummernkreisen mit Ursache auflisten',
    async run(ctx) {
      const gaps = await ctx.app.call('documents:gaps', {});
      ctx.print(gaps, () => gaps.map((g) => `${g.from} … ${g.to} (${g.count}): ${g.cause}`).join('\n') || 'Keine Lücken.');
    },
  },
  {
    name: 'documents set-next',
    usage: 'invoice|delivery_note NEXT --reason TEXT',
    summary: 'Nummernkreis vorwärts stellen (z. B. bestehende Nummern fortführen); wird protokolliert',
    options: { reason: { type: 'string' } },
    async run(ctx) {
      const [family, next, ...rest] = ctx.positionals;
      if ((family !== 'invoice' && family !== 'delivery_note') || !next || rest.length) throw new UsageError('invoice|delivery_note und NEXT erwartet');
      if (typeof ctx.values.reason !== 'string') throw new UsageError('--reason TEXT erwartet');
      const r = await ctx.app.call('documents:setNextNumber', { family, next: Number(next), reason: ctx.values.reason });
      ctx.print(r, `Nächste Nummer: ${r.nextNumber}`);
    },
  },
  {
    name: 'documents verify',
    usage: '[--json]',
    summary: 'Archiv prüfen: jede Datei gegen ihren SHA-256, kein PDF ohne Datensatz',
    async run(ctx) {
      const problems = verifyArchive(ctx.app.db, ctx.app.core.dataDir);
      ctx.print({ ok: problems.length === 0, problems }, () => (problems.length ? problems.map((p) => `${p.path}: ${p.problem}`).join('\n') : 'Archiv in Ordnung.'));
      return problems.length ? 1 : 0;
    },
  },
];
