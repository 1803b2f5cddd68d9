import type { TaxCase, VatCategory } from '../domain/invoice';
import { isEuCountry, vatRatesOn } from './vat-rates';

/** EU-wide OSS threshold for B2C distance sales (§3c Abs. 4 UStG), net EUR cents per calendar year. */
export const OSS_THRESHOLD_CENTS = 1_000_000;

/**
 * 'auto'   destination rate once the EU-wide threshold is exceeded (previous year, or current year incl. this sale)
 * 'always' the seller waived the threshold (§3c Abs. 4 S. 2 UStG): destination rate from the first sale
 * 'off'    the seller does not use OSS: German VAT (the settings warn when the threshold is exceeded)
 */
/** §19 Abs. 1 UStG (from 2025): current-year limit, net EUR cents. The sale that crosses it is already taxable. */
export const KLEINUNTERNEHMER_LIMIT_CENTS = 10_000_000;

export type OssMode = 'auto' | 'always' | 'off';

export type TaxCaseInput = {
  kleinunternehmer: boolean;
  sellerVatId: string;
  buyerVatId: string;
  /** Where the goods go (ship-to country). */
  destinationCountry: string;
  /** Issue day YYYY-MM-DD. */
  day: string;
  ossMode: OssMode;
  /** EU B2C distance sales (net EUR cents) already invoiced in the previous and the current calendar year. */
  ossSales: { previousYearCents: number; currentYearCents: number };
  /** This sale's net value in EUR cents at German rates (for the threshold check). */
  thisSaleNetEurCents: number;
};

export type TaxDecision = {
  taxCase: TaxCase;
  /** Why, in words (stored with the invoice for the audit). */
  reason: string;
  /** Exemption note printed on the invoice ('' for taxable cases). */
  note: string;
  /** Country whose rates apply ('DE' or the OSS destination). */
  rateCountry: string;
  /** Category of all lines for exempt cases; null when taxable (S). */
  exemptCategory: VatCategory | null;
  exemptionReason: string;
  exemptionReasonCode: string;
  /** Counts toward the OSS threshold (EU B2C distance sale). */
  distanceSale: boolean;
};

export const NOTE_KLEINUNTERNEHMER = 'Kein Ausweis von Umsatzsteuer, da Kleinunternehmer gemäß § 19 UStG.';
export const NOTE_INTRA_EU = 'Steuerfreie innergemeinschaftliche Lieferung gemäß § 4 Nr. 1b i. V. m. § 6a UStG.';
export const NOTE_EXPORT = 'Steuerfreie Ausfuhrlieferung gemäß § 4 Nr. 1a i. V. m. § 6 UStG.';

const euro = (cents: number) => (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' €';

/** A VAT id that is formally usable for a tax-free intra-EU supply: EU prefix (EL for Greece), not German. */
export function isForeignEuVatId(vatId: string, destination: string): boolean {
  const v = vatId.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9A-Z+*.]{2,12}$/.test(v)) return false;
  const prefix = v.slice(0, 2) === 'EL' ? 'GR' : v.slice(0, 2);
  return prefix !== 'DE' && isEuCountry(prefix) && prefix === destination;
}

/** Decides the VAT treatment of one invoice from the seller's settings and the order. Pure. */
export function decideTaxCase(i: TaxCaseInput): TaxDecision {
  const dest = i.destinationCountry.toUpperCase();
  const base = { rateCountry: 'DE', exemptCategory: null, exemptionReason: '', exemptionReasonCode: '', distanceSale: false, note: '' };
  if (i.kleinunternehmer) {
    return {
      ...base, taxCase: 'kleinunternehmer', note: NOTE_KLEINUNTERNEHMER, exemptCategory: 'E', exemptionReason: NOTE_KLEINUNTERNEHMER,
      reason: 'Kleinunternehmerregelung (§ 19 UStG) ist in den Einstellungen eingeschaltet: keine Umsatzsteuer.',
    };
  }
  if (dest === 'DE') return { ...base, taxCase: 'standard', reason: 'Lieferung innerhalb Deutschlands: deutscher Steuersatz.' };
  if (!isEuCountry(dest)) {
    return {
      ...base, taxCase: 'export', note: NOTE_EXPORT, exemptCategory: 'G', exemptionReason: NOTE_EXPORT, exemptionReasonCode: 'VATEX-EU-G',
      reason: `Lieferung nach ${dest} (außerhalb der EU): steuerfreie Ausfuhrlieferung.`,
    };
  }
  const buyerId = i.buyerVatId.trim();
  if (buyerId && isForeignEuVatId(buyerId, dest) && i.sellerVatId) {
    return {
      ...base, taxCase: 'intra_eu_b2b', note: NOTE_INTRA_EU, exemptCategory: 'K', exemptionReason: NOTE_INTRA_EU, exemptionReasonCode: 'VATEX-EU-IC',
      reason: `Lieferung nach ${dest} an ein Unternehmen mit USt-IdNr. ${buyerId}: steuerfreie innergemeinschaftliche Lieferung.`,
    };
  }
  const b2bHint = buyerId
    ? i.sellerVatId
      ? ` Die USt-IdNr. ${buyerId} des Käufers passt nicht zum Lieferland ${dest}; daher als Verkauf an Privat behandelt.`
      : ` Der Käufer hat die USt-IdNr. ${buyerId}, aber die eigene USt-IdNr. fehlt in den Firmendaten; daher als Verkauf an Privat behandelt.`
    : '';
  const prev = i.ossSales.previousYearCents;
  const cur = i.ossSales.currentYearCents + i.thisSaleNetEurCents;
  const over = prev > OSS_THRESHOLD_CENTS || cur > OSS_THRESHOLD_CENTS;
  const status = `EU-Fernverkäufe: Vorjahr ${euro(prev)}, laufendes Jahr mit diesem Verkauf ${euro(cur)}, Schwelle ${euro(OSS_THRESHOLD_CENTS)}.`;
  const ossApplies = i.ossMode === 'always' || (i.ossMode === 'auto' && over);
  if (ossApplies && vatRatesOn(dest, i.day)) {
    const why = i.ossMode === 'always' ? 'Verzicht auf die Lieferschwelle (OSS immer an)' : 'Lieferschwelle überschritten';
    return {
      ...base, taxCase: 'oss', rateCountry: dest, distanceSale: true,
      reason: `Fernverkauf an Privat nach ${dest}, ${why}: Steuersatz des Bestimmungslands (OSS). ${status}${b2bHint}`,
    };
  }
  const why = i.ossMode === 'off' ? 'OSS ist in den Einstellungen ausgeschaltet' : 'Lieferschwelle nicht überschritten';
  return {
    ...base, taxCase: 'standard', distanceSale: true,
    reason: `Fernverkauf an Privat nach ${dest}, ${why}: deutscher Steuersatz. ${status}${b2bHint}`,
  };
}
