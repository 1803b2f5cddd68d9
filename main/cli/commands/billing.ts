import { writeFileSync } from 'node:fs';
import { UsageError, type CliCommand } from '../command';
import { formatCents, formatDate, formatDateTime } from '../../../shared/format';
import { isMonth } from '../../../shared/fees/rules';
import type { SyncStateView } from '../../../shared/ipc/channels/billing';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function syncText(s: SyncStateView): string {
  if (!s.configured) return `Kein Abrechnungsdienst eingerichtet (--billing-url). Wartende Nutzungsereignisse: ${s.waiting}`;
  return [
    `Letzter erfolgreicher Abgleich: ${s.lastSuccessAt ? formatDateTime(s.lastSuccessAt) : 'noch nie'}`,
    `Wartende Nutzungsereignisse: ${s.waiting}`,
    s.lastError ? `Letzter Fehler: ${s.lastError} (${s.failures}× in Folge, nächster Versuch ${s.nextAttemptAt ? formatDateTime(s.nextAttemptAt) : '—'})` : '',
  ].filter(Boolean).join('\n');
}

/** `portodesk` subcommands of the billing capability. */
export const billingCommands: CliCommand[] = [
  {
    name: 'register',
    summary: 'Bei Portodesk registrieren (startet die 30-tägige Testphase)',
    usage: '--name NAME --email E-MAIL',
    options: { name: { type: 'string' }, email: { type: 'string' } },
    async run(ctx) {
      const name = str(ctx.values.name);
      const email = str(ctx.values.email);
      if (!name || !email) throw new UsageError('--name und --email sind nötig');
      await ctx.app.call('billing:register', { name, email });
      // The registration with the billing service runs now when online; offline it is retried later.
      const sync = await ctx.app.features.billing.sync.sync();
      const s = await ctx.app.call('billing:trial', {});
      ctx.print({ ...s, sync }, () =>
        `Registriert: ${s.name} <${s.email}>\nTestphase bis ${formatDate(s.trialEndsAt)} (noch ${s.daysLeft} Tage)\n` +
        (s.serverConfirmed ? 'Beim Abrechnungsdienst angemeldet.' : `Noch nicht beim Abrechnungsdienst angemeldet${sync.lastError ? `: ${sync.lastError}` : ''} — wird beim nächsten Abgleich nachgeholt.`),
      );
    },
  },
  {
    name: 'trial status',
    summary: 'Testphase: verbleibende Tage, Ende, Abrechnungsdaten',
    async run(ctx) {
      const s = await ctx.app.call('billing:trial', {});
      ctx.print(s, () =>
        s.inTrial
          ? `Testphase: noch ${s.daysLeft} ${s.daysLeft === 1 ? 'Tag' : 'Tage'} (bis ${formatDate(s.trialEndsAt)})`
          : `Testphase beendet am ${formatDate(s.trialEndsAt)}. ${s.billingComplete ? 'Abrechnungsdaten hinterlegt.' : 'Abrechnungsdaten fehlen: neue Aufträge können nicht abgerechnet werden (portodesk billing set …).'}`,
      );
    },
  },
  {
    name: 'fees month',
    summary: 'Gebühren eines Monats (Europe/Berlin) nach den Gebührenregeln',
    usage: '[JJJJ-MM]',
    async run(ctx) {
      const [month, ...rest] = ctx.positionals;
      if (rest.length || (month && !isMonth(month))) throw new UsageError('Monat als JJJJ-MM angeben, z. B. 2026-11');
      const f = await ctx.app.call('fees:month', month ? { month } : {});
      ctx.print(f, () =>
        [
          `Gebühren ${f.month}: ${formatCents(f.netCents)} netto (+ ${formatCents(f.vatCents)} USt = ${formatCents(f.grossCents)})`,
          ...f.tiers.map((t) => `  ${({ free: 'bis 3,00 €', middle: '3,01–7,00 €', high: 'über 7,00 €' })[t.tier].padEnd(12)} ${String(t.count).padStart(6)} × ${formatCents(t.feeCents)} = ${formatCents(t.amountCents)}`),
          f.trialOrders ? `  Testphase ${f.trialOrders} Aufträge kostenlos` : '',
          f.capReached ? `  Monatsdeckel ${formatCents(f.capCents)} erreicht (−${formatCents(f.capReductionCents)})` : `  bis zum Deckel: ${formatCents(f.capCents - f.netCents)}`,
          f.unsynced ? `  ${f.unsynced} Ereignisse noch nicht übertragen` : '',
        ].filter(Boolean).join('\n'),
      );
    },
  },
  {
    name: 'fees invoices',
    summary: 'Gebührenrechnungen anzeigen (vom Abrechnungsdienst geladen, wenn erreichbar)',
    options: { pdf: { type: 'string' }, out: { type: 'string' } },
    usage: '[--pdf NUMMER --out DATEI]',
    async run(ctx) {
      const number = str(ctx.values.pdf);
      if (number) {
        const r = await ctx.app.call('fees:invoice:pdf', { number });
        const out = str(ctx.values.out);
        if (out) writeFileSync(out, Buffer.from(r.pdfBase64, 'base64'));
        ctx.print({ number: r.number, path: out ?? r.path }, () => `Rechnung ${r.number}: ${out ?? r.path}`);
        return;
      }
      const r = await ctx.app.call('fees:invoices', { refresh: !!ctx.app.core.config.billingUrl });
      ctx.print(r.invoices, () =>
        r.invoices.length === 0
          ? 'Noch keine Gebührenrechnungen.'
          : r.invoices.map((i) => `${i.number}  ${formatDate(i.invoiceDay + 'T12:00:00Z')}  ${i.periodFrom}–${i.periodTo}  ${formatCents(i.grossCents).padStart(10)} brutto, fällig ${formatDate(i.dueDay + 'T12:00:00Z')}`).join('\n'),
      );
    },
  },
  {
    name: 'billing sync',
    summary: 'Nutzung und Abrechnungsdaten jetzt mit dem Abrechnungsdienst abgleichen',
    async run(ctx) {
      const s = await ctx.app.call('billing:sync', {});
      ctx.print(s, () => syncText(s));
    },
  },
  {
    name: 'billing status',
    summary: 'Stand des Abgleichs (letzter Abgleich, wartende Ereignisse)',
    async run(ctx) {
      const s = await ctx.app.call('billing:sync:state', {});
      ctx.print(s, () => syncText(s));
    },
  },
  {
    name: 'billing set',
    summary: 'Rechnungsadresse und SEPA-Lastschriftmandat hinterlegen',
    usage: '--holder INHABER --iban IBAN --street STR --zip PLZ --city ORT [--company F] [--country DE] [--bic BIC] [--mandate-ref R] [--mandate-date JJJJ-MM-TT]',
    options: {
      holder: { type: 'string' }, iban: { type: 'string' }, bic: { type: 'string' }, company: { type: 'string' }, street: { type: 'string' },
      zip: { type: 'string' }, city: { type: 'string' }, country: { type: 'string' }, 'mandate-ref': { type: 'string' }, 'mandate-date': { type: 'string' },
    },
    async run(ctx) {
      const v = ctx.values;
      const got = await ctx.app.call('billing:details:get', {});
      const existing = got.details;
      const pick = (k: string, fallback = '') => str(v[k]) ?? fallback;
      const holder = pick('holder', existing?.holder);
      const iban = pick('iban', existing?.iban);
      if (!holder || !iban) throw new UsageError('--holder und --iban sind nötig');
      const d = await ctx.app.call('billing:details:save', {
        holder, iban,
        bic: pick('bic', existing?.bic), company: pick('company', existing?.company), street: pick('street', existing?.street),
        zip: pick('zip', existing?.zip), city: pick('city', existing?.city), country: pick('country', existing?.country ?? 'DE'),
        mandateReference: pick('mandate-ref', existing?.mandateReference ?? got.suggestedMandateReference),
        mandateDate: pick('mandate-date', existing?.mandateDate ?? ctx.app.core.nowIso().slice(0, 10)),
      });
      if (ctx.app.core.config.billingUrl) await ctx.app.features.billing.sync.sync();
      ctx.print(d, () => `Abrechnungsdaten gespeichert: ${d.holder}, IBAN ${d.iban}, Mandat ${d.mandateReference} vom ${d.mandateDate}`);
    },
  },
];
