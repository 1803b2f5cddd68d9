import { InvoiceSnapshot, type VatCategory } from '../../shared/domain/invoice';
import type { CompanySettings } from '../../shared/domain/settings';

/** Invoice snapshots for every tax case, built the way the invoices capability freezes them. */

export const seller = (over: Partial<CompanySettings> = {}): CompanySettings => ({
  companyName: 'Kiste & Karton e.K.',
  ownerName: 'Klara Kiste',
  street: 'Lagerstraße 7',
  zip: '04109',
  city: 'Leipzig',
  country: 'DE',
  email: 'rechnung@kiste-karton.de',
  phone: '+49 341 1234567',
  vatId: 'DE123456789',
  taxNumber: '232/123/45678',
  bankAccountHolder: 'Klara Kiste',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank',
  logoDataUrl: '',
  kleinunternehmer: false,
  invoiceFooter: '',
  ...over,
});

type LineSpec = { description: string; quantity: number; unitNetCents: number; category: VatCategory; rate: number; sku?: string; shipping?: boolean };

export function snapshot(opts: {
  number?: string;
  taxCase: InvoiceSnapshot['taxCase'];
  lines: LineSpec[];
  sellerOver?: Partial<CompanySettings>;
  buyerCountry?: string;
  buyerVatId?: string;
  buyerReference?: string;
  buyerCompany?: string;
  issueDate?: string;
  taxNote?: string;
  orderId?: number;
}): InvoiceSnapshot {
  const country = opts.buyerCountry ?? 'DE';
  const lines = opts.lines.map((l, i) => {
    const net = l.quantity * l.unitNetCents;
    const vat = Math.round((net * l.rate) / 100);
    return {
      position: i + 1, description: l.description, sku: l.sku ?? '', quantity: l.quantity, unitCode: 'H87',
      unitNetCents: l.unitNetCents, netCents: net, vatCategory: l.category, vatRate: l.rate, grossCents: net + vat, isShipping: l.shipping ?? false,
    };
  });
  const groups = new Map<string, { vatCategory: VatCategory; vatRate: number; netCents: number }>();
  for (const l of lines) {
    const k = `${l.vatCategory}|${l.vatRate}`;
    const g = groups.get(k) ?? { vatCategory: l.vatCategory, vatRate: l.vatRate, netCents: 0 };
    g.netCents += l.netCents;
    groups.set(k, g);
  }
  const vatBreakdown = [...groups.values()].map((g) => ({ ...g, vatCents: Math.round((g.netCents * g.vatRate) / 100), exemptionReason: '', exemptionReasonCode: '' }));
  const net = vatBreakdown.reduce((s, b) => s + b.netCents, 0);
  const vat = vatBreakdown.reduce((s, b) => s + b.vatCents, 0);
  const addr = {
    name: 'Erika Mustermann', company: opts.buyerCompany ?? '', street: country === 'DE' ? 'Hauptstraße' : 'Hauptplatz', houseNumber: '5a',
    zip: country === 'DE' ? '10115' : '1010', city: country === 'DE' ? 'Berlin' : 'Wien', country,
  };
  return InvoiceSnapshot.parse({
    number: opts.number ?? 'RE-2026-0001',
    kind: 'invoice',
    issueDate: opts.issueDate ?? '2026-11-20',
    deliveryDate: opts.issueDate ?? '2026-11-20',
    orderId: opts.orderId ?? 1,
    channel: 'ebay',
    externalOrderId: '10-12345-67890',
    currency: 'EUR',
    seller: seller(opts.sellerOver),
    buyer: { address: addr, vatId: opts.buyerVatId ?? '', email: 'erika@example.de', buyerReference: opts.buyerReference ?? '' },
    shipTo: addr,
    taxCase: opts.taxCase,
    taxCaseReason: 'Test',
    taxNote: opts.taxNote ?? '',
    destinationCountry: country,
    lines,
    vatBreakdown,
    totals: { netCents: net, vatCents: vat, grossCents: net + vat },
    paymentNote: '',
    notes: [],
  });
}

/** The cancellation invoice of `s`: negative quantities, positive prices, reference to the original. */
export function cancellationOf(s: InvoiceSnapshot, number = 'RE-2026-0002', issueDate = '2026-11-25'): InvoiceSnapshot {
  return InvoiceSnapshot.parse({
    ...s,
    number,
    kind: 'cancellation',
    cancelsNumber: s.number,
    cancelsIssueDate: s.issueDate,
    issueDate,
    lines: s.lines.map((l) => ({ ...l, quantity: -l.quantity, netCents: -l.netCents, grossCents: -l.grossCents })),
    vatBreakdown: s.vatBreakdown.map((b) => ({ ...b, netCents: -b.netCents, vatCents: -b.vatCents })),
    totals: { netCents: -s.totals.netCents, vatCents: -s.totals.vatCents, grossCents: -s.totals.grossCents },
  });
}

const mug = { description: 'Kaffeetasse Steingut, blau', quantity: 2, unitNetCents: 1092, sku: 'TASSE-01' };

/** One snapshot per tax case the app supports. */
export const taxCaseSnapshots = (): Record<string, InvoiceSnapshot> => ({
  standard: snapshot({
    taxCase: 'standard',
    lines: [
      { ...mug, category: 'S', rate: 19 },
      { description: 'Kochbuch', quantity: 1, unitNetCents: 1869, category: 'S', rate: 7, sku: 'BUCH-7' },
      { description: 'Versand', quantity: 1, unitNetCents: 416, category: 'S', rate: 19, shipping: true },
    ],
  }),
  kleinunternehmer: snapshot({
    taxCase: 'kleinunternehmer',
    sellerOver: { vatId: '', kleinunternehmer: true },
    taxNote: 'Kein Ausweis von Umsatzsteuer, da Kleinunternehmer gemäß § 19 UStG',
    lines: [{ ...mug, unitNetCents: 1299, category: 'E', rate: 0 }],
  }),
  oss: snapshot({ taxCase: 'oss', buyerCountry: 'AT', lines: [{ ...mug, category: 'S', rate: 20 }, { description: 'Versand', quantity: 1, unitNetCents: 500, category: 'S', rate: 20, shipping: true }] }),
  intra_eu_b2b: snapshot({
    taxCase: 'intra_eu_b2b', buyerCountry: 'AT', buyerVatId: 'ATU12345678', buyerCompany: 'Wiener Tassen GmbH',
    taxNote: 'Steuerfreie innergemeinschaftliche Lieferung', lines: [{ ...mug, category: 'K', rate: 0 }],
  }),
  reverse_charge: snapshot({
    taxCase: 'intra_eu_b2b', buyerCountry: 'AT', buyerVatId: 'ATU12345678', buyerCompany: 'Wiener Tassen GmbH',
    taxNote: 'Steuerschuldnerschaft des Leistungsempfängers', lines: [{ description: 'Gravur-Dienstleistung', quantity: 1, unitNetCents: 5000, category: 'AE', rate: 0 }],
  }),
  export: snapshot({ taxCase: 'export', buyerCountry: 'CH', taxNote: 'Steuerfreie Ausfuhrlieferung', lines: [{ ...mug, category: 'G', rate: 0 }] }),
  xrechnung: snapshot({ taxCase: 'standard', buyerCompany: 'Stadt Leipzig', buyerReference: '04011000-1234512345-06', lines: [{ ...mug, category: 'S', rate: 19 }] }),
});
