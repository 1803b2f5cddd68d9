import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../harness/test-app';

/** A complete German seller (every §14 field the invoice needs). */
export const SELLER = {
  companyName: 'Kiste & Karton e.K.',
  ownerName: 'Max Beispiel',
  street: 'Lindenallee 12',
  zip: '50667',
  city: 'Köln',
  country: 'DE',
  email: 'info@kiste-karton.de',
  phone: '0221 123456',
  vatId: 'DE123456789',
  taxNumber: '214/5678/9012',
  bankAccountHolder: 'Kiste & Karton e.K.',
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank Köln',
  invoiceFooter: 'Amtsgericht Köln HRA 12345',
};

export function setupSeller(app: TestApp, over: Record<string, unknown> = {}): void {
  app.core.settings.saveCompany({ ...SELLER, ...over });
}

/** Text of a PDF as `pdftotext -layout` extracts it, whitespace normalised (NBSP → space). */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pd-pdf-'));
  const f = join(dir, 'doc.pdf');
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
}

export const pdfPages = (pdf: Uint8Array): number => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-pdf-'));
  const f = join(dir, 'doc.pdf');
  writeFileSync(f, pdf);
  const info = execFileSync('pdfinfo', [f], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
};
