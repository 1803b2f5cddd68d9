import { electronicFormatIBAN, isValidBIC, isValidIBAN, isSEPACountry } from 'ibantools';
import type { z } from 'zod';
import { BillingDetailsRequest } from '../../../shared/ipc/channels/billing';
import type { BillingDetailsRow } from '../../db/repos/billing';
import { AppError } from '../../../shared/errors';

/** What the seller enters: billing address and SEPA direct debit mandate (the channel's request). */
export type BillingDetailsInput = z.input<typeof BillingDetailsRequest>;

/** Checks every field and names the first wrong one in German; returns the normalised details. */
export function validateBillingDetails(input: BillingDetailsInput): Omit<BillingDetailsRow, 'updatedAt' | 'syncedAt'> {
  const raw = BillingDetailsRequest.parse(input);
  const d = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.trim()])) as typeof raw;
  d.country = d.country.toUpperCase();
  const fail = (field: string, msg: string) => {
    throw new AppError('VALIDATION', `${field}: ${msg}`, { field });
  };
  if (!d.holder) fail('holder', 'Bitte den Kontoinhaber angeben.');
  // The same limits the billing service checks (shared/fees/api.ts); the account holder as SEPA allows it.
  const max: [keyof typeof d, number][] = [['holder', 70], ['company', 200], ['street', 200], ['zip', 20], ['city', 200]];
  for (const [k, n] of max) if (d[k].length > n) fail(k, `Höchstens ${n} Zeichen.`);
  const iban = electronicFormatIBAN(d.iban) ?? '';
  if (!iban || !isValidIBAN(iban)) fail('iban', `„${d.iban}“ ist keine gültige IBAN (Prüfziffer oder Länge stimmt nicht).`);
  if (!isSEPACountry(iban.slice(0, 2))) fail('iban', `IBANs aus ${iban.slice(0, 2)} nehmen nicht am SEPA-Lastschriftverfahren teil.`);
  const bic = d.bic.replace(/\s+/g, '').toUpperCase();
  if (bic && !isValidBIC(bic)) fail('bic', `„${d.bic}“ ist keine gültige BIC.`);
  if (!d.street) fail('street', 'Bitte Straße und Hausnummer angeben.');
  if (!d.zip) fail('zip', 'Bitte die Postleitzahl angeben.');
  if (d.country === 'DE' && !/^\d{5}$/.test(d.zip)) fail('zip', `„${d.zip}“ ist keine deutsche Postleitzahl (5 Ziffern).`);
  if (!d.city) fail('city', 'Bitte den Ort angeben.');
  if (!/^[A-Z]{2}$/.test(d.country)) fail('country', `„${d.country}“ ist kein Ländercode (z. B. DE).`);
  // SEPA mandate references: up to 35 characters of A–Z, a–z, 0–9 and + ? / - : ( ) . , ' and space.
  if (!d.mandateReference) fail('mandateReference', 'Bitte die Mandatsreferenz angeben.');
  if (!/^[A-Za-z0-9+?/\-:().,' ]{1,35}$/.test(d.mandateReference)) fail('mandateReference', 'Höchstens 35 Zeichen: Buchstaben, Ziffern und + ? / - : ( ) . , \'');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.mandateDate) || Number.isNaN(Date.parse(`${d.mandateDate}T00:00:00Z`))) {
    fail('mandateDate', `„${d.mandateDate}“ ist kein Datum (JJJJ-MM-TT erwartet).`);
  }
  return { ...d, iban, bic };
}

/** All fields a SEPA direct debit needs are there (a valid IBAN included). */
export function detailsComplete(d: BillingDetailsRow | null): boolean {
  return !!d && !!d.holder && isValidIBAN(d.iban) && !!d.street && !!d.zip && !!d.city && !!d.mandateReference && !!d.mandateDate;
}

/** A mandate reference proposal unique to this installation (the seller may replace it). */
export const defaultMandateReference = (installationId: string) => `PD-${installationId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12).toUpperCase()}`;
