import type { CliCommand, CliContext } from '../command';
import { UsageError } from '../command';
import { formatCents, formatDate } from '../../../shared/format';
import { isAppError } from '../../../shared/errors';

/** `portodesk stamps …`: Internetmarke from the command line (automation, checks without a window). */

const useEnv = (ctx: CliContext) => ctx.app.features.franking.useEnv(ctx.env);
const money = (c: number | null) => (c === null ? '–' : formatCents(c));
const STATUS: Record<string, string> = { valid: 'gültig', expired: 'abgelaufen', refund_requested: 'Erstattung läuft', refunded: 'erstattet', refund_refused: 'Erstattung abgelehnt' };

function intArg(v: string, what: string): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`${what}: ganze Zahl erwartet, nicht „${v}“`);
  return Number(v);
}

export const frankingCommands: CliCommand[] = [
  {
    name: 'stamps login',
    summary: 'Bei der Portokasse anmelden (Zugang aus dem Schlüsselspeicher oder PORTODESK_IM_USER/PORTODESK_IM_PASSWORD) und Guthaben zeigen',
    async run(ctx) {
      useEnv(ctx);
      const b = await ctx.app.call('franking:balance', { refresh: true });
      const st = await ctx.app.call('franking:status', {});
      ctx.print({ user: st.user, apiUrl: st.apiUrl, balanceCents: b.balanceCents }, () => `Angemeldet als ${st.user} bei ${st.apiUrl}\nGuthaben: ${money(b.balanceCents)}`);
    },
  },
  {
    name: 'stamps balance',
    summary: 'Guthaben der Portokasse abfragen',
    async run(ctx) {
      useEnv(ctx);
      const b = await ctx.app.call('franking:balance', { refresh: true });
      ctx.print(b, () => `Guthaben: ${money(b.balanceCents)}`);
    },
  },
  {
    name: 'stamps topup',
    summary: 'Portokasse aufladen (Betrag in Euro, mindestens 10)',
    usage: 'EURO',
    async run(ctx) {
      useEnv(ctx);
      const [amount] = ctx.positionals;
      const euros = Number(String(amount ?? '').replace(',', '.'));
      if (!amount || !Number.isFinite(euros)) throw new UsageError('Betrag in Euro erwartet, z. B. 25 oder 25,50');
      const r = await ctx.app.call('franking:topup', { amountCents: Math.round(euros * 100) });
      ctx.print(r, () => `Aufgeladen. Guthaben: ${money(r.balanceCents)}`);
    },
  },
  {
    name: 'stamps products',
    summary: 'Produkte und heutige Preise der Internetmarke',
    async run(ctx) {
      const list = await ctx.app.call('franking:products', {});
      ctx.print(list, () => list.map((p) => `${String(p.code).padStart(5)}  ${money(p.priceCents).padStart(9)}  ${p.maxWeightG ? `bis ${p.maxWeightG} g`.padEnd(12) : ''.padEnd(12)} ${p.name}`).join('\n'));
    },
  },
  {
    name: 'stamps buy',
    summary: 'Internetmarken für Aufträge kaufen (ein Warenkorb, eine Abbuchung) und drucken',
    usage: 'ORDER_ID... [--product CODE] [--page-format ID] [--start N] [--png] [--force] [--no-print]',
    options: {
      product: { type: 'string' },
      'page-format': { type: 'string' },
      start: { type: 'string' },
      png: { type: 'boolean' },
      force: { type: 'boolean' },
      'no-print': { type: 'boolean' },
    },
    async run(ctx) {
      useEnv(ctx);
      if (ctx.positionals.length === 0) throw new UsageError('mindestens eine Auftrags-ID erwartet');
      const orders = ctx.positionals.map((p) => ({ orderId: intArg(p, 'Auftrags-ID') }));
      const v = ctx.values;
      const r = await ctx.app.call('franking:buy', {
        orders,
        productCode: typeof v.product === 'string' ? intArg(v.product, '--product') : undefined,
        pageFormatId: typeof v['page-format'] === 'string' ? intArg(v['page-format'], '--page-format') : undefined,
        startPosition: typeof v.start === 'string' ? intArg(v.start, '--start') : 1,
        format: v.png ? 'png' : 'pdf',
        allowSecondStamp: v.force === true,
        print: v['no-print'] !== true,
      });
      ctx.print(r, () =>
        [
          `${r.stamps.length} Internetmarke(n) gekauft für ${money(r.totalCents)}. Guthaben danach: ${money(r.balanceCents)}`,
          ...r.purchases.filter((p) => p.recovered).map((p) => `Nachgefragt und übernommen: früherer Kauf ${p.shopOrderId} (${p.stamps} Marken)`),
          ...r.stamps.map((s) => `  Auftrag ${s.orderId}: ${s.voucherId}${s.trackId ? ` (Sendungsnummer ${s.trackId})` : ''}`),
          ...r.problems.map((p) => `Nicht gekauft: ${p}`),
          r.print ? (r.print.printed ? `Gedruckt auf ${r.print.printer}` : `Gespeichert: ${r.print.savedTo}${r.print.reason ? ` (${r.print.reason})` : ''}`) : '',
        ].filter(Boolean).join('\n'),
      );
      return r.problems.length ? 1 : 0;
    },
  },
  {
    name: 'stamps refund',
    summary: 'Unbenutzte Internetmarken erstatten lassen (bis 14 Tage nach dem Kauf)',
    usage: 'VOUCHER_ID...',
    async run(ctx) {
      useEnv(ctx);
      if (ctx.positionals.length === 0) throw new UsageError('mindestens eine Markennummer erwartet');
      const r = await ctx.app.call('franking:refund', { voucherIds: ctx.positionals });
      ctx.print(r, () =>
        [
          r.refunded.length ? `Erstattet: ${r.refunded.join(', ')} (${money(r.refundedCents)})` : '',
          r.refused.length ? `Abgelehnt: ${r.refused.join(', ')}` : '',
          r.pending.length ? `Noch in Bearbeitung: ${r.pending.join(', ')} (später mit „stamps list“ prüfen)` : '',
          r.balanceCents !== null ? `Guthaben: ${money(r.balanceCents)}` : '',
        ].filter(Boolean).join('\n'),
      );
      return r.refused.length ? 1 : 0;
    },
  },
  {
    name: 'stamps list',
    summary: 'Gekaufte Internetmarken mit Erstattungsfrist und Gültigkeit; klärt offene Käufe',
    async run(ctx) {
      useEnv(ctx);
      let note = '';
      if (await ctx.app.features.franking.hasCredentials()) {
        try {
          const rec = await ctx.app.call('franking:recover', {});
          if (rec.resolved.length) note = `${rec.resolved.length} offene(r) Kauf/Käufe geklärt.`;
          if (rec.stillOpen) note += ` ${rec.stillOpen} Kauf/Käufe weiterhin ungeklärt.`;
        } catch (e) {
          note = `Offene Käufe konnten nicht geklärt werden: ${isAppError(e) || e instanceof Error ? e.message : String(e)}`;
        }
      }
      const list = await ctx.app.call('franking:stamps', {});
      if (note) process.stderr.write(note.trim() + '\n');
      ctx.print(list, () =>
        list.length === 0
          ? 'Keine Internetmarken.'
          : list
              .map((s) => `${s.voucherId}  Auftrag ${s.externalId}  ${s.productName}  ${money(s.priceCents)}  gekauft ${formatDate(s.boughtAt)}  ${STATUS[s.status]}${s.refundable ? `  erstattbar bis ${formatDate(s.refundDeadline)}` : ''}`)
              .join('\n'),
      );
    },
  },
  {
    name: 'stamps recover',
    summary: 'Offene (ungeklärte) Markenkäufe bei der Deutschen Post nachfragen',
    async run(ctx) {
      useEnv(ctx);
      const r = await ctx.app.call('franking:recover', {});
      ctx.print(r, () => `${r.resolved.length} geklärt, ${r.stillOpen} offen.`);
      return r.stillOpen ? 1 : 0;
    },
  },
  {
    name: 'stamps reprint',
    summary: 'Marken eines Kaufs aus dem Archiv erneut drucken',
    usage: 'PURCHASE_ID',
    async run(ctx) {
      useEnv(ctx);
      const [id] = ctx.positionals;
      if (!id) throw new UsageError('Kauf-ID erwartet (siehe stamps list --json: purchaseId)');
      const r = await ctx.app.call('franking:reprint', { purchaseId: intArg(id, 'Kauf-ID') });
      ctx.print(r, () => (r.printed ? `Gedruckt auf ${r.printer}` : `Gespeichert: ${r.savedTo}`));
    },
  },
];
