import { readFileSync } from 'node:fs';
import type { Issuer } from './pdf';

/**
 * The issuer printed on fee invoices. In production put it in <data>/issuer.json; the default marks
 * itself as unconfigured so nobody mails an invoice with made-up company data by accident.
 */
export function loadIssuer(file: string | null): Issuer {
  const fallback: Issuer = {
    name: 'Portodesk (Rechnungssteller nicht konfiguriert)',
    address: ['issuer.json im Datenordner anlegen'],
    vatId: '—',
    creditorId: '—',
    email: '—',
  };
  if (!file) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<Issuer>) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw new Error(`${file}: ungültige Rechnungssteller-Angaben (${(e as Error).message})`);
  }
}
