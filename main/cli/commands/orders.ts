import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { AppError } from '../../../shared/errors';
import { OrderStatus, Channel } from '../../../shared/domain/order';
import { OrderSort } from '../../../shared/orders/query';
import type { ImportReport } from '../../../shared/orders/import-report';
import { translate } from '../../../shared/i18n';
import { formatCents, formatDate } from '../../../shared/format';
import { ColumnMapping } from '../../../shared/ipc/channels/orders';

const statusWord = (s: string) => translate('de', `order.status.${s}`);

function reportText(r: ImportReport): string {
  const out: string[] = [];
  for (const f of r.files) {
    out.push(`${f.file} (${f.formatLabel}): ${f.new} neu, ${f.updated} aktualisiert, ${f.unchanged} unverändert, ${f.rejected} abgelehnt${f.rolledBack ? ' — nichts übernommen (alles oder nichts)' : ''}`);
    if (f.error) out.push(`  Fehler: ${f.error}`);
    for (const j of f.rejections) out.push(`  ${j.file}, Zeile ${j.line}, Feld „${j.field}“: ${j.message}`);
    for (const c of f.conflicts) out.push(`  Auftrag ${c.externalId} (#${c.orderId}) hat schon einen Beleg — nicht geändert: ${c.fields.join(', ')}`);
  }
  out.push(`Gesamt: ${r.new} neu, ${r.updated} aktualisiert, ${r.unchanged} unverändert, ${r.rejected} abgelehnt`);
  return out.join('\n');
}

const ids = (positionals: string[]) =>
  positionals.map((p) => {
    if (!/^\d+$/.test(p)) throw new UsageError(`„${p}“ ist keine Auftrags-ID (Zahl, siehe „orders list“)`);
    return Number(p);
  });

/** `portodesk` subcommands of the orders capability. */
export const ordersCommands: CliCommand[] = [
  {
    name: 'import',
    usage: 'FILE... [--format NAME] [--mapping NAME] [--all-or-nothing]',
    summary: 'Bestelldateien importieren (eBay, Amazon, Etsy, Shopify, WooCommerce, CSV mit Zuordnung)',
    options: { format: { type: 'string' }, mapping: { type: 'string' }, 'all-or-nothing': { type: 'boolean' } },
    async run(ctx) {
      if (ctx.positionals.length === 0) throw new UsageError('mindestens eine Datei angeben');
      const files = ctx.positionals.map((p) => {
        try {
          return { name: basename(p), bytes: readFileSync(p) };
        } catch {
          throw new AppError('FILE', `Datei nicht lesbar: ${p}`);
        }
      });
      const { report } = await ctx.app.features.orders.orders.importFiles(files, {
        format: ctx.values.format as string | undefined,
        mapping: ctx.values.mapping as string | undefined,
        allOrNothing: ctx.values['all-or-nothing'] === true,
      });
      ctx.print(report, () => reportText(report));
      return report.files.some((f) => f.error) ? 1 : 0;
    },
  },
  {
    name: 'import formats',
    summary: 'Unterstützte Importformate anzeigen',
    async run(ctx) {
      const list = await ctx.app.call('orders:formats', {});
      ctx.print(list, () => list.map((f) => `${f.id.padEnd(20)} ${f.label}\n${''.padEnd(21)}${f.hint}`).join('\n'));
    },
  },
  {
    name: 'orders list',
    usage: '[--status S] [--channel C] [--search Q] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sort COL] [--asc] [--limit N] [--offset N]',
    summary: 'Aufträge auflisten, suchen und filtern',
    options: {
      status: { type: 'string', multiple: true }, channel: { type: 'string', multiple: true }, search: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, sort: { type: 'string' }, asc: { type: 'boolean' },
      limit: { type: 'string' }, offset: { type: 'string' }, warnings: { type: 'boolean' },
    },
    async run(ctx) {
      const v = ctx.values;
      const statuses = ((v.status as string[] | undefined) ?? []).flatMap((s) => s.split(','));
      for (const s of statuses) if (!OrderStatus.safeParse(s).success) throw new UsageError(`unbekannter Status „${s}“ (${OrderStatus.options.join(', ')})`);
      const channels = ((v.channel as string[] | undefined) ?? []).flatMap((s) => s.split(','));
      for (const c of channels) if (!Channel.safeParse(c).success) throw new UsageError(`unbekannter Kanal „${c}“ (${Channel.options.join(', ')})`);
      if (v.sort && !OrderSort.safeParse(v.sort).success) throw new UsageError(`unbekannte Spalte „${v.sort}“ (${OrderSort.options.join(', ')})`);
      const num = (x: unknown, d: number) => {
        if (x === undefined) return d;
        if (!/^\d+$/.test(String(x))) throw new UsageError(`„${x}“ ist keine Zahl`);
        return Number(x);
      };
      const page = await ctx.app.call('orders:list', {
        search: (v.search as string) ?? '', statuses: statuses as OrderStatus[], channels: channels as Channel[],
        dateFrom: (v.from as string) ?? null, dateTo: (v.to as string) ?? null, onlyWarnings: v.warnings === true,
        sort: (v.sort as OrderSort) ?? 'orderDate', dir: v.asc ? 'asc' : 'desc', limit: Math.min(num(v.limit, 50), 1000), offset: num(v.offset, 0),
      });
      ctx.print(page, () =>
        [
          ...page.rows.map((r) =>
            [String(r.id).padStart(6), statusWord(r.status).padEnd(18), r.channel.padEnd(11), r.externalId.padEnd(22), formatDate(r.orderDate),
              r.buyerName.slice(0, 24).padEnd(24), r.country, formatCents(r.totalCents, r.currency).padStart(12), r.warningCount ? `⚠ ${r.warningCount}` : ''].join('  '),
          ),
          `${page.rows.length} von ${page.total} Aufträgen`,
        ].join('\n'),
      );
    },
  },
  {
    name: 'orders show',
    usage: 'ID',
    summary: 'Einen Auftrag mit Artikeln, Adressen, Warnungen und Verlauf zeigen',
    async run(ctx) {
      const [id] = ids(ctx.positionals);
      if (id === undefined) throw new UsageError('Auftrags-ID angeben');
      const r = await ctx.app.call('orders:get', { id });
      const o = r.order;
      ctx.print(r, () =>
        [
          `Auftrag ${o.externalId} (${o.channel}, ${o.marketplace}) — ${statusWord(o.status)}${o.locked ? ' — Beleg ausgestellt' : ''}`,
          `Datum: ${formatDate(o.orderDate)}   Käufer: ${o.buyerName} ${o.buyerEmail}`,
          o.buyerReference ? `Käuferreferenz / Leitweg-ID: ${o.buyerReference}` : '',
          `Lieferadresse: ${[o.shipTo.name, o.shipTo.company, o.shipTo.careOf, o.shipTo.postNumber, `${o.shipTo.street} ${o.shipTo.houseNumber}`.trim(), o.shipTo.addition, `${o.shipTo.zip} ${o.shipTo.city}`, o.shipTo.country].filter(Boolean).join(', ')}`,
          ...o.items.map((i) => `  ${i.quantity} × ${i.title} ${i.sku ? `[${i.sku}]` : ''} à ${formatCents(i.unitPriceCents, o.currency)}`),
          `Versand ${formatCents(o.shippingCents, o.currency)}, Gesamt ${formatCents(o.totalCents, o.currency)}`,
          ...o.warnings.map((w) => `  ⚠ ${translate('de', `address.warning.${w.code}`)}${w.detail ? ` (${w.detail})` : ''}`),
          o.trackingNumber ? `Sendungsnummer: ${o.trackingNumber}` : '',
          'Verlauf:',
          ...r.history.map((h) => `  ${h.at}  ${h.action}  ${h.detail}`),
        ].filter(Boolean).join('\n'),
      );
    },
  },
  {
    name: 'orders ship',
    usage: 'ID... [--tracking T] [--carrier NAME]',
    summary: 'Aufträge als versendet markieren (mit oder ohne Sendungsnummer)',
    options: { tracking: { type: 'string' }, carrier: { type: 'string' } },
    async run(ctx) {
      const list = ids(ctx.positionals);
      if (list.length === 0) throw new UsageError('mindestens eine Auftrags-ID angeben');
      const r = await ctx.app.call('orders:ship', { ids: list, trackingNumber: (ctx.values.tracking as string) ?? '', carrier: (ctx.values.carrier as string) ?? '' });
      ctx.print(r, () => [`${r.shipped.length} als versendet markiert`, ...r.skipped.map((s) => `  #${s.id} übersprungen: ${s.reason}`)].join('\n'));
      return r.shipped.length === 0 && r.skipped.length > 0 ? 1 : 0;
    },
  },
  {
    name: 'orders create',
    usage: '--file ORDER.json',
    summary: 'Auftrag von Hand anlegen (JSON wie „orders show --json“ → order)',
    options: { file: { type: 'string' } },
    async run(ctx) {
      if (!ctx.values.file) throw new UsageError('--file angeben');
      const o = await ctx.app.call('orders:create', JSON.parse(readFileSync(String(ctx.values.file), 'utf8')));
      ctx.print(o, `Auftrag ${o.externalId} angelegt (#${o.id})`);
    },
  },
  {
    name: 'orders edit',
    usage: 'ID --file ORDER.json',
    summary: 'Auftrag ändern (gesperrt, sobald ein Beleg ausgestellt ist)',
    options: { file: { type: 'string' } },
    async run(ctx) {
      const [id] = ids(ctx.positionals);
      if (id === undefined || !ctx.values.file) throw new UsageError('ID und --file angeben');
      const o = await ctx.app.call('orders:update', { id, draft: JSON.parse(readFileSync(String(ctx.values.file), 'utf8')) });
      ctx.print(o, `Auftrag ${o.externalId} geändert`);
    },
  },
  {
    name: 'orders tracking',
    usage: 'ebay|amazon [--out FILE] [ID...]',
    summary: 'Sendungsnummern-Datei für eBay oder Amazon schreiben (versendete Aufträge)',
    options: { out: { type: 'string' } },
    async run(ctx) {
      const [target, ...rest] = ctx.positionals;
      if (target !== 'ebay' && target !== 'amazon') throw new UsageError('Ziel „ebay“ oder „amazon“ angeben');
      const list = ids(rest);
      const r = await ctx.app.call('orders:tracking:export', { target, ids: list.length ? list : undefined });
      const out = (ctx.values.out as string | undefined) ?? r.fileName;
      writeFileSync(out, r.content);
      ctx.print({ file: out, count: r.count }, `${r.count} Aufträge in ${out} geschrieben`);
    },
  },
  {
    name: 'orders mapping save',
    usage: '--file MAPPING.json',
    summary: 'Spaltenzuordnung für „Andere CSV-Datei“ speichern',
    options: { file: { type: 'string' } },
    async run(ctx) {
      if (!ctx.values.file) throw new UsageError('--file angeben');
      const m = ColumnMapping.parse(JSON.parse(readFileSync(String(ctx.values.file), 'utf8')));
      await ctx.app.call('orders:mappings:save', m);
      ctx.print(m, `Zuordnung „${m.name}“ gespeichert`);
    },
  },
];
