/**
 * Rule results shared by the validator (main), the CLI and the renderer, plus the XRechnung (BR-DE)
 * checks we run on the invoice data before writing XML: the KoSIT BR-DE Schematron needs a SchXslt
 * build that is not available offline (reference §2.8), so the mandatory German CIUS fields are checked here.
 */
import { z } from 'zod';
import type { InvoiceSnapshot } from '../domain/invoice';

export const RuleFailure = z.object({
  /** CEN/KoSIT rule id such as BR-06, BR-CO-26, BR-DE-15, or XSD for schema errors. */
  id: z.string(),
  /** 'fatal' blocks the e-invoice; 'warning' is shown but does not block. */
  flag: z.enum(['fatal', 'warning']),
  text: z.string(),
  /** XPath (Schematron) or line (XSD) where it failed. */
  location: z.string().default(''),
});
export type RuleFailure = z.infer<typeof RuleFailure>;

export const ValidationReport = z.object({
  valid: z.boolean(),
  /** Which checks ran: 'xsd', 'schematron-en16931', 'xrechnung-br-de'. */
  checks: z.array(z.string()),
  failures: z.array(RuleFailure),
  warnings: z.array(RuleFailure),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

const fatal = (id: string, text: string): RuleFailure => ({ id, flag: 'fatal', text, location: '' });

/** BR-DE rules of XRechnung 3.0 that concern data the seller or buyer must supply. */
export function checkXRechnungData(s: InvoiceSnapshot): RuleFailure[] {
  const out: RuleFailure[] = [];
  const seller = s.seller;
  const buyer = s.buyer.address;
  if (!seller.iban) out.push(fatal('BR-DE-1', 'Eine XRechnung muss Zahlungsanweisungen (BG-16) enthalten: IBAN in den Firmendaten eintragen.'));
  if (!seller.ownerName && !seller.companyName) out.push(fatal('BR-DE-2', 'Eine XRechnung muss einen Verkäufer-Kontakt (BG-6) enthalten.'));
  if (!seller.city) out.push(fatal('BR-DE-3', 'Ort des Verkäufers (BT-37) fehlt.'));
  if (!seller.zip) out.push(fatal('BR-DE-4', 'Postleitzahl des Verkäufers (BT-38) fehlt.'));
  if (!seller.ownerName && !seller.companyName) out.push(fatal('BR-DE-5', 'Kontaktname des Verkäufers (BT-41) fehlt.'));
  if (!/\d.*\d.*\d/.test(seller.phone)) out.push(fatal('BR-DE-6', 'Telefonnummer des Verkäufers (BT-42, mindestens 3 Ziffern) fehlt.'));
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(seller.email)) out.push(fatal('BR-DE-7', 'E-Mail-Adresse des Verkäufers (BT-43) fehlt.'));
  if (!buyer.city) out.push(fatal('BR-DE-8', 'Ort des Käufers (BT-52) fehlt.'));
  if (!buyer.zip) out.push(fatal('BR-DE-9', 'Postleitzahl des Käufers (BT-53) fehlt.'));
  if (!s.buyer.buyerReference.trim()) out.push(fatal('BR-DE-15', 'Käuferreferenz / Leitweg-ID (BT-10) fehlt.'));
  if (!seller.vatId && !seller.taxNumber) out.push(fatal('BR-DE-16', 'USt-IdNr. (BT-31) oder Steuernummer (BT-32) des Verkäufers fehlt.'));
  if (s.kind === 'cancellation' && !s.cancelsNumber) out.push(fatal('BR-DE-26', 'Eine Rechnungskorrektur (384) braucht die Nummer der ursprünglichen Rechnung (BG-3).'));
  if (!seller.email) out.push(fatal('BR-DE-BT-34', 'Elektronische Adresse des Verkäufers (BT-34) fehlt: E-Mail in den Firmendaten eintragen.'));
  if (!(s.buyer.email || buyer.email)) out.push(fatal('BR-DE-BT-49', 'Elektronische Adresse des Käufers (BT-49) fehlt: E-Mail des Käufers nötig.'));
  return out;
}
