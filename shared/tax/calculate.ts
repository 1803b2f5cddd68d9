import type { InvoiceLine, VatBreakdown, VatCategory } from '../domain/invoice';
import { AppError } from '../errors';
import { allocate, rateToBp, splitGross } from './rounding';
import type { TaxDecision } from './tax-case';
import { vatRatesOn } from './vat-rates';

/** One order line as the marketplace priced it: gross (incl. VAT) unit price in integer cents. */
export type CalcItem = { description: string; sku: string; quantity: number; unitGrossCents: number; vatRate: number | null };

export type CalcInput = {
  items: CalcItem[];
  /** Gross shipping charged to the buyer; taxed like the goods it ships. */
  shippingGrossCents: number;
  decision: TaxDecision;
  day: string;
  /** Seller's default German rate for items without one (19 or 7). */
  defaultRate: number;
  /** OSS: destination rate for goods that carry the German reduced rate, per country (the seller decides). */
  ossReducedRates: Record<string, number>;
};

export type CalcResult = {
  lines: InvoiceLine[];
  vatBreakdown: VatBreakdown[];
  totals: { netCents: number; vatCents: number; grossCents: number };
};

type Group = { category: VatCategory; rate: number; key: string };

function resolveRate(it: CalcItem, i: CalcInput): Group {
  const d = i.decision;
  if (d.exemptCategory) return { category: d.exemptCategory, rate: 0, key: `${d.exemptCategory}:0` };
  const de = vatRatesOn('DE', i.day)!;
  const deRate = it.vatRate ?? i.defaultRate;
  if (deRate !== de.standard && !de.reduced.includes(deRate)) {
    throw new AppError('VAT_RATE_INVALID', `Position „${it.description}“: ${deRate} % ist kein deutscher Umsatzsteuersatz am ${i.day} (erlaubt: ${[de.standard, ...de.reduced].join(' %, ')} %).`);
  }
  if (d.taxCase !== 'oss') return { category: 'S', rate: deRate, key: `S:${deRate}` };
  const dest = vatRatesOn(d.rateCountry, i.day);
  if (!dest) throw new AppError('VAT_RATE_MISSING', `Für ${d.rateCountry} ist am ${i.day} kein Steuersatz hinterlegt.`);
  if (deRate === de.standard) return { category: 'S', rate: dest.standard, key: `S:${dest.standard}` };
  const mapped = i.ossReducedRates[d.rateCountry];
  if (mapped === undefined) {
    throw new AppError(
      'OSS_REDUCED_RATE_MISSING',
      `Position „${it.description}“ hat den ermäßigten Satz ${deRate} %. Für ${d.rateCountry} ist kein ermäßigter OSS-Satz festgelegt ` +
        `(mögliche Sätze dort: ${dest.reduced.join(' %, ') || 'keine'} %). Bitte in den Einstellungen unter „OSS: ermäßigte Sätze“ eintragen, z. B. ${d.rateCountry}=${dest.reduced[0] ?? dest.standard}.`,
    );
  }
  if (mapped !== dest.standard && !dest.reduced.includes(mapped)) {
    throw new AppError('VAT_RATE_INVALID', `OSS-Satz ${mapped} % gibt es in ${d.rateCountry} am ${i.day} nicht (erlaubt: ${[dest.standard, ...dest.reduced].join(' %, ')} %).`);
  }
  return { category: 'S', rate: mapped, key: `S:${mapped}` };
}

/**
 * The gross→net engine. Marketplace prices are gross; per tax rate the gross sum is split into net
 * and VAT once (so VAT = round(net × rate) per rate, EN 16931 BR-CO-17), then the rate's net is
 * distributed over its lines in proportion to their gross. Every total adds up to the cent:
 * Σ line net = breakdown net, net + VAT = gross, Σ line gross = gross.
 */
export function calculateInvoice(i: CalcInput): CalcResult {
  if (i.items.length === 0) throw new AppError('NO_ITEMS', 'Der Auftrag hat keine Positionen.');
  const groups = new Map<string, Group & { goods: number }>();
  const itemGroups = i.items.map((it) => {
    if (!Number.isInteger(it.quantity) || it.quantity <= 0) throw new AppError('BAD_QUANTITY', `Position „${it.description}“: Menge ${it.quantity} ist ungültig.`);
    if (it.unitGrossCents < 0) throw new AppError('BAD_PRICE', `Position „${it.description}“: negativer Preis.`);
    const g = resolveRate(it, i);
    const entry = groups.get(g.key) ?? { ...g, goods: 0 };
    entry.goods += it.unitGrossCents * it.quantity;
    groups.set(g.key, entry);
    return g.key;
  });
  type Draft = { description: string; sku: string; quantity: number; gross: number; key: string; isShipping: boolean };
  const drafts: Draft[] = i.items.map((it, k) => ({
    description: it.description, sku: it.sku, quantity: it.quantity, gross: it.unitGrossCents * it.quantity, key: itemGroups[k]!, isShipping: false,
  }));
  if (i.shippingGrossCents !== 0) {
    const gs = [...groups.values()];
    const parts = allocate(i.shippingGrossCents, gs.map((g) => g.goods));
    gs.forEach((g, k) => {
      if (parts[k] === 0) return;
      const label = gs.length > 1 ? `Versandkosten (Anteil ${fmtRate(g.rate)} %)` : 'Versandkosten';
      drafts.push({ description: label, sku: '', quantity: 1, gross: parts[k]!, key: g.key, isShipping: true });
    });
  }
  const lines: InvoiceLine[] = [];
  const vatBreakdown: VatBreakdown[] = [];
  const netOfDraft = new Map<Draft, number>();
  for (const g of groups.values()) {
    const members = drafts.filter((d) => d.key === g.key);
    const gross = members.reduce((s, d) => s + d.gross, 0);
    const { netCents, vatCents } = splitGross(gross, rateToBp(g.rate));
    const nets = allocate(netCents, members.map((d) => d.gross));
    members.forEach((d, k) => netOfDraft.set(d, nets[k]!));
    const exempt = i.decision.exemptCategory !== null;
    vatBreakdown.push({
      vatCategory: g.category, vatRate: g.rate, netCents, vatCents,
      exemptionReason: exempt ? i.decision.exemptionReason : '', exemptionReasonCode: exempt ? i.decision.exemptionReasonCode : '',
    });
  }
  drafts.forEach((d, k) => {
    const g = groups.get(d.key)!;
    const net = netOfDraft.get(d)!;
    lines.push({
      position: k + 1, description: d.description, sku: d.sku, quantity: d.quantity, unitCode: 'H87',
      unitNetCents: Math.round(net / d.quantity), netCents: net, vatCategory: g.category, vatRate: g.rate, grossCents: d.gross, isShipping: d.isShipping,
    });
  });
  vatBreakdown.sort((a, b) => b.vatRate - a.vatRate);
  const totals = {
    netCents: vatBreakdown.reduce((s, b) => s + b.netCents, 0),
    vatCents: vatBreakdown.reduce((s, b) => s + b.vatCents, 0),
    grossCents: drafts.reduce((s, d) => s + d.gross, 0),
  };
  if (totals.netCents + totals.vatCents !== totals.grossCents) throw new Error('Rundungsfehler: Netto + USt ≠ Brutto');
  return { lines, vatBreakdown, totals };
}

const rateFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
/** 19 → "19", 5.5 → "5,5" (German decimal comma). */
export const fmtRate = (r: number) => rateFormat.format(r);
