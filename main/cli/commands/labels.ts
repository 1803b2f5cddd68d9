import type { CliCommand, CliContext } from '../command';
import { UsageError } from '../command';
import { AppError } from '../../../shared/errors';
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LabelJobResult } from '../../services/labels/print-job';

const parseIds = (words: string[]): number[] => {
  if (!words.length) throw new UsageError('Mindestens eine Auftrags-ID angeben');
  return words.flatMap((w) => w.split(',')).filter(Boolean).map((w) => {
    if (!/^\d+$/.test(w)) throw new UsageError(`„${w}“ ist keine Auftrags-ID (Zahl erwartet)`);
    return Number(w);
  });
};

const str = (ctx: CliContext, k: string) => (typeof ctx.values[k] === 'string' ? (ctx.values[k] as string) : undefined);

const jobTypes = ['invoice', 'delivery_note', 'label', 'stamp'] as const;
const asJobType = (v: string | undefined) => {
  const t = (v ?? 'label') as (typeof jobTypes)[number];
  if (!jobTypes.includes(t)) throw new UsageError(`--type: eines von ${jobTypes.join(', ')}`);
  return t;
};

/** `portodesk` subcommands of the labels capability (labels, label stock, printers, print log). */
export const labelsCommands: CliCommand[] = [
  {
    name: 'labels print',
    summary: 'Etiketten für Aufträge drucken (ein Druckauftrag, Status „Etikett gedruckt“)',
    usage: 'ORDER_ID... --stock NAME [--printer QUEUE] [--start N] [--out FILE.pdf] [--confirm-warnings]',
    options: {
      stock: { type: 'string' },
      printer: { type: 'string' },
      start: { type: 'string' },
      out: { type: 'string' },
      'confirm-warnings': { type: 'boolean' },
    },
    async run(ctx) {
      const orderIds = parseIds(ctx.positionals);
      const start = str(ctx, 'start');
      if (start !== undefined && !/^\d+$/.test(start)) throw new UsageError('--start: Nummer des ersten freien Etiketts auf dem Bogen (1, 2, …)');
      const out = str(ctx, 'out');
      // --out without --printer: only the file is wanted, nothing goes to a printer.
      const printer = str(ctx, 'printer') ?? (out ? '' : undefined);
      const job = await ctx.app.call('labels:print', {
        orderIds,
        stockId: str(ctx, 'stock'),
        printer,
        startPosition: start ? Number(start) : undefined,
        confirmWarnings: ctx.values['confirm-warnings'] === true,
      });
      const done = await ctx.app.core.jobs.wait(job.id);
      if (done.state !== 'done') throw new AppError('PRINT_FAILED', `Etiketten nicht gedruckt: ${done.summary ?? done.state}`);
      const result = done.result as LabelJobResult | undefined;
      if (out && result?.savedTo) copyFileSync(result.savedTo, resolve(out));
      ctx.print({ job: done, result, out: out ? resolve(out) : null }, () =>
        [done.summary ?? '', ...done.problems.map((p) => `  übersprungen: Auftrag ${p.ref}: ${p.reason}`), out ? `PDF: ${resolve(out)}` : ''].filter(Boolean).join('\n'),
      );
      return done.problems.length ? 1 : 0;
    },
  },
  {
    name: 'labels stock',
    summary: 'Etikettenformate anzeigen (eingebaut und eigene)',
    async run(ctx) {
      const stock = await ctx.app.call('labels:stock:list', {});
      ctx.print(stock, () =>
        stock
          .map((s) => `${s.id.padEnd(20)} ${s.name}${s.sheet ? `  [${s.sheet.columns}×${s.sheet.rows} je Bogen]` : ''}${s.orientation === 'landscape' ? '  (quer)' : ''}`)
          .join('\n'),
      );
    },
  },
  {
    name: 'labels stock add',
    summary: 'Eigenes Etikettenformat anlegen (Rolle oder A4-Bogen)',
    usage: '--id ID --name NAME --width MM --height MM [--landscape] [--endless] [--grid SPALTENxZEILEN --left MM --top MM [--gap-x MM] [--gap-y MM]]',
    options: {
      id: { type: 'string' }, name: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' },
      landscape: { type: 'boolean' }, endless: { type: 'boolean' }, grid: { type: 'string' }, left: { type: 'string' }, top: { type: 'string' },
      'gap-x': { type: 'string' }, 'gap-y': { type: 'string' },
    },
    async run(ctx) {
      const num = (k: string, fallback?: number) => {
        const v = str(ctx, k);
        if (v === undefined) {
          if (fallback !== undefined) return fallback;
          throw new UsageError(`--${k} fehlt (Millimeter)`);
        }
        const n = Number(v.replace(',', '.'));
        if (!Number.isFinite(n)) throw new UsageError(`--${k}: Zahl in Millimetern erwartet, nicht „${v}“`);
        return n;
      };
      const id = str(ctx, 'id');
      if (!id) throw new UsageError('--id fehlt (z. B. herma-4360)');
      const grid = str(ctx, 'grid');
      let sheet = null;
      if (grid) {
        const m = /^(\d+)\s*[x×]\s*(\d+)$/.exec(grid);
        if (!m) throw new UsageError('--grid: SPALTENxZEILEN erwartet, z. B. 3x8');
        sheet = { pageWidthMm: 210, pageHeightMm: 297, columns: Number(m[1]), rows: Number(m[2]), marginLeftMm: num('left'), marginTopMm: num('top'), gapXMm: num('gap-x', 0), gapYMm: num('gap-y', 0) };
      }
      const stock = await ctx.app.call('labels:stock:save', {
        id, name: str(ctx, 'name') ?? id, kind: sheet ? 'sheet' : ctx.values.endless === true ? 'endless' : 'roll',
        widthMm: num('width'), heightMm: num('height'), orientation: ctx.values.landscape === true ? 'landscape' : 'portrait', sheet,
      });
      ctx.print(stock, () => `Gespeichert: ${stock.id} – ${stock.name}`);
    },
  },
  {
    name: 'labels stock remove',
    summary: 'Eigenes Etikettenformat löschen',
    usage: 'ID',
    async run(ctx) {
      const [id] = ctx.positionals;
      if (!id) throw new UsageError('ID des eigenen Formats angeben');
      const r = await ctx.app.call('labels:stock:delete', { id });
      if (!r.deleted) throw new AppError('NOT_FOUND', `Kein eigenes Etikettenformat „${id}“ (eingebaute Formate lassen sich nicht löschen)`);
      ctx.print(r, () => `Gelöscht: ${id}`);
    },
  },
  {
    name: 'labels preview',
    summary: 'Etikett(en) prüfen: Warnungen und Schriftgröße, ohne zu drucken',
    usage: 'ORDER_ID... [--stock NAME] [--start N]',
    options: { stock: { type: 'string' }, start: { type: 'string' } },
    async run(ctx) {
      const p = await ctx.app.call('labels:preview', { orderIds: parseIds(ctx.positionals), stockId: str(ctx, 'stock'), startPosition: str(ctx, 'start') ? Number(str(ctx, 'start')) : undefined });
      ctx.print(p, () =>
        [
          `${p.total} Etikett(en) auf ${p.stock.name}${p.sheets ? `, ${p.sheets} Bogen` : ''}`,
          ...p.notices.map((n) => `  ${n.externalId} ${n.recipientName}: ${n.notices.map((x) => `${x.blocking ? '!' : ''}${x.code}${x.detail ? ` (${x.detail})` : ''}`).join(', ')}`),
        ].join('\n'),
      );
    },
  },
  {
    name: 'printers list',
    summary: 'Drucker des Betriebssystems mit ihren Papierformaten',
    async run(ctx) {
      const r = await ctx.app.call('printing:printers', {});
      ctx.print(r.printers, () =>
        !r.available
          ? 'Kein Drucksystem gefunden (CUPS bzw. Windows-Druckdienst).'
          : r.printers.map((p) => `${p.isDefault ? '*' : ' '} ${p.name.padEnd(24)} ${p.description}`).join('\n') || 'Keine Drucker eingerichtet.',
      );
    },
  },
  {
    name: 'printers choose',
    summary: 'Drucker und Format für eine Druckart festlegen',
    usage: '--type invoice|delivery_note|label|stamp --printer QUEUE [--stock NAME]',
    options: { type: { type: 'string' }, printer: { type: 'string' }, stock: { type: 'string' } },
    async run(ctx) {
      const jobType = asJobType(str(ctx, 'type'));
      const current = (await ctx.app.call('printing:choices:get', {}))[jobType];
      const r = await ctx.app.call('printing:choices:save', { jobType, choice: { printer: str(ctx, 'printer') ?? current?.printer ?? '', stockId: str(ctx, 'stock') ?? current?.stockId ?? '' } });
      ctx.print(r, () => Object.entries(r).map(([t, c]) => `${t.padEnd(14)} ${c.printer || '(PDF speichern)'}  ${c.stockId}`).join('\n'));
    },
  },
  {
    name: 'printers test',
    summary: 'Testseite im gewählten Format drucken',
    usage: '[--type label] [--printer QUEUE]',
    options: { type: { type: 'string' }, printer: { type: 'string' } },
    async run(ctx) {
      const r = await ctx.app.call('printing:test', { jobType: asJobType(str(ctx, 'type')), printer: str(ctx, 'printer') });
      ctx.print(r, () => (r.printed ? `Testseite an ${r.printer} gesendet (${r.jobId}).` : r.reason));
    },
  },
  {
    name: 'printers log',
    summary: 'Druckprotokoll: jeder Druckauftrag mit Zustand',
    options: { limit: { type: 'string' } },
    async run(ctx) {
      const limit = str(ctx, 'limit') ? Number(str(ctx, 'limit')) : 50;
      const log = await ctx.app.call('printing:log', { limit });
      ctx.print(log, () =>
        log.map((e) => `${e.createdAt}  ${e.state.padEnd(9)} ${e.jobType.padEnd(13)} ${(e.printer || '–').padEnd(16)} ${e.systemJobId.padEnd(16)} ${e.title}${e.state === 'saved' || e.state === 'failed' ? `  → ${e.savedTo}` : ''}`).join('\n') || 'Noch nichts gedruckt.',
      );
    },
  },
];
