/**
 * EN 16931 / CII code lists and fixed identifiers the e-invoice uses (pure data, shared by main and renderer).
 * Sources: /work/shared/reference/invoicing-de.md §2.3, §2.6, §2.7 (CEN code lists, XRechnung spec §13.3).
 */
import type { VatCategory } from '../domain/invoice';

/** BT-24 specification identifiers. */
export const GUIDELINE_EN16931 = 'urn:cen.eu:en16931:2017';
export const GUIDELINE_XRECHNUNG = 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
/** BT-23 business process, mandatory in XRechnung 3.0.1+ (Peppol billing process). */
export const PEPPOL_BILLING_PROCESS = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

export type EInvoiceProfile = 'en16931' | 'xrechnung';

/** What goes into the Factur-X XMP block and the name of the embedded file, per profile. */
export const PROFILE_META: Record<EInvoiceProfile, { guideline: string; fileName: string; conformanceLevel: string; version: string }> = {
  en16931: { guideline: GUIDELINE_EN16931, fileName: 'factur-x.xml', conformanceLevel: 'EN 16931', version: '1.0' },
  xrechnung: { guideline: GUIDELINE_XRECHNUNG, fileName: 'xrechnung.xml', conformanceLevel: 'XRECHNUNG', version: '3.0' },
};

/**
 * UNTDID 1001 (BT-3). A cancellation invoice is coded 384 (corrected invoice) with negative quantities and
 * positive prices plus a BG-3 reference to the cancelled invoice — the reference's recommendation (§2.7),
 * because BR-27 forbids negative prices and 384 keeps the sign meaning of the original.
 */
export const TYPE_CODE = { invoice: '380', cancellation: '384' } as const;

/** UNTDID 4461 (BT-81): SEPA credit transfer. */
export const PAYMENT_MEANS_SEPA_TRANSFER = '58';

export const KLEINUNTERNEHMER_TEXT = 'Kein Ausweis von Umsatzsteuer, da Kleinunternehmer gemäß § 19 UStG';

/** Default exemption reason (BT-120) and code (BT-121) per VAT category, used when the snapshot carries none. */
export const DEFAULT_EXEMPTION: Partial<Record<VatCategory, { text: string; code: string }>> = {
  // No VATEX code fits §19 UStG; the text alone satisfies BR-E-10.
  E: { text: KLEINUNTERNEHMER_TEXT, code: '' },
  K: { text: 'Steuerfreie innergemeinschaftliche Lieferung (§ 4 Nr. 1b UStG)', code: 'VATEX-EU-IC' },
  G: { text: 'Steuerfreie Ausfuhrlieferung (§ 4 Nr. 1a UStG)', code: 'VATEX-EU-G' },
  AE: { text: 'Steuerschuldnerschaft des Leistungsempfängers', code: 'VATEX-EU-AE' },
  Z: { text: '', code: '' },
};

/** Categories whose breakdown must carry an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10). */
export const EXEMPT_CATEGORIES: readonly VatCategory[] = ['E', 'AE', 'K', 'G'];

/**
 * Leitweg-ID (BT-10 for German public buyers): Grobadressierung (2–12 digits), optional Feinadressierung
 * (up to 30 alphanumerics), two check digits, separated by hyphens, e.g. 04011000-1234512345-06.
 */
export function isLeitwegId(v: string): boolean {
  return /^[0-9]{2,12}(-[A-Za-z0-9]{1,30})?-[0-9]{2}$/.test(v.trim());
}

/** Integer cents → CII amount text with a dot and two decimals (BR-DEC-*). */
export function ciiAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** VAT rate in percent → CII text without needless zeros: 19 → "19", 5.5 → "5.5". */
export function ciiPercent(rate: number): string {
  return String(Math.round(rate * 100) / 100);
}

/** YYYY-MM-DD → YYYYMMDD (udt:DateTimeString format 102). */
export function ciiDate(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Datum im Format JJJJ-MM-TT erwartet, nicht „${day}“`);
  return day.replace(/-/g, '');
}
