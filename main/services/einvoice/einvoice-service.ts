import { createHash } from 'node:crypto';
import type { AppCore } from '../../app/core';
import type { InvoiceArchive } from '../documents/invoice-archive';
import type { InvoiceSnapshot } from '../../../shared/domain/invoice';
import type { EInvoiceProfile } from '../../../shared/einvoice/codes';
import { checkXRechnungData, type ValidationReport } from '../../../shared/einvoice/rules';
import { AppError } from '../../../shared/errors';
import * as repo from '../../db/repos/einvoice';
import { buildCiiXml } from './cii-writer';
import { validateEInvoiceXml } from './validate';
import { extractEmbeddedXml, makeHybridPdf } from './hybrid-pdf';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export type IssuedEInvoice = { number: string; profile: EInvoiceProfile; xml: string; pdf: Uint8Array; xmlSha256: string; pdfSha256: string; report: ValidationReport };

/** Thrown when an e-invoice fails validation; `details` is the ValidationReport (rule ids and texts). */
export function invalidError(number: string, report: ValidationReport): AppError {
  const ids = report.failures.map((f) => `${f.id}: ${f.text}`).slice(0, 8).join(' | ');
  return new AppError('EINVOICE_INVALID', `E-Rechnung zu ${number} nicht ausgestellt — ${report.failures.length} Regel(n) verletzt: ${ids}`, report);
}

/**
 * E-invoices of issued invoices: CII XML → validation (XSD, CEN Schematron, BR-DE for XRechnung) →
 * hybrid PDF/A-3 → stored once with SHA-256. A failed rule blocks the e-invoice; the report is kept so the
 * seller sees rule id and text in the order's detail pane.
 */
export class EInvoiceService {
  constructor(
    private core: AppCore,
    private archive: () => InvoiceArchive,
  ) {}

  /** Builds and validates without storing (used by the service itself and by tests). */
  async build(s: InvoiceSnapshot, pdf: Uint8Array, profile?: EInvoiceProfile): Promise<{ issued: IssuedEInvoice | null; report: ValidationReport; profile: EInvoiceProfile }> {
    const built = buildCiiXml(s, profile);
    const report = await validateEInvoiceXml(built.xml);
    if (built.profile === 'xrechnung') {
      // Data-level BR-DE checks give the seller a precise hint (which setting is missing) next to the XML-level ones.
      const seen = new Set(report.failures.map((f) => f.id));
      for (const f of checkXRechnungData(s)) if (!seen.has(f.id)) report.failures.push(f);
      report.valid = report.failures.length === 0;
    }
    if (!report.valid) return { issued: null, report, profile: built.profile };
    const title = `${s.kind === 'cancellation' ? 'Stornorechnung' : 'Rechnung'} ${s.number}`;
    const hybrid = await makeHybridPdf(pdf, built.xml, {
      profile: built.profile, title, author: s.seller.companyName || s.seller.ownerName, now: new Date(this.core.nowIso()),
    });
    // The round trip is part of issuing: what a recipient extracts must be exactly what was validated.
    const back = await extractEmbeddedXml(hybrid);
    if (back?.xml !== built.xml) throw new Error(`Eingebettete XML von ${s.number} ließ sich nicht unverändert zurücklesen`);
    return {
      issued: { number: s.number, profile: built.profile, xml: built.xml, pdf: hybrid, xmlSha256: sha256(built.xml), pdfSha256: sha256(hybrid), report },
      report,
      profile: built.profile,
    };
  }

  /** The stored e-invoice of an invoice, or creates it now (idempotent: issued e-invoices never change). */
  async create(number: string, profile?: EInvoiceProfile): Promise<repo.EInvoiceRow> {
    const existing = repo.getEInvoice(this.core.db, number);
    if (existing) return existing;
    const archive = this.archive();
    const s = archive.snapshot(number);
    if (!s) throw new AppError('NOT_FOUND', `Rechnung ${number} nicht gefunden.`);
    const pdf = archive.pdf(number);
    if (!pdf) throw new AppError('NOT_FOUND', `PDF der Rechnung ${number} nicht gefunden.`);
    return this.createFrom(s, pdf, profile);
  }

  async createFrom(s: InvoiceSnapshot, pdf: Uint8Array, profile?: EInvoiceProfile): Promise<repo.EInvoiceRow> {
    const existing = repo.getEInvoice(this.core.db, s.number);
    if (existing) return existing;
    const { issued, report, profile: used } = await this.build(s, pdf, profile);
    const db = this.core.db;
    if (!issued) {
      repo.upsertRejection(db, { invoice_number: s.number, order_id: s.orderId, profile: used, report: JSON.stringify(report), at: this.core.nowIso() });
      this.core.logger.warn('einvoice.rejected', { number: s.number, rules: report.failures.map((f) => f.id) });
      throw invalidError(s.number, report);
    }
    const row: repo.EInvoiceRow = {
      invoice_number: s.number, order_id: s.orderId, kind: s.kind, profile: issued.profile, xml: issued.xml, xml_sha256: issued.xmlSha256,
      pdf: Buffer.from(issued.pdf), pdf_sha256: issued.pdfSha256, checks: JSON.stringify({ checks: report.checks, warnings: report.warnings }),
      created_at: this.core.nowIso(),
    };
    db.transaction(() => repo.insertEInvoice(db, row))();
    return repo.getEInvoice(db, s.number)!;
  }

  get(number: string): repo.EInvoiceRow | null {
    return repo.getEInvoice(this.core.db, number);
  }

  /** Validates a file a user hands us: CII XML, or a PDF with embedded XML (ZUGFeRD/Factur-X/XRechnung). */
  async validateFile(bytes: Uint8Array, fileName: string): Promise<ValidationReport & { embeddedFile: string | null }> {
    const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
    if (isPdf) {
      let embedded;
      try {
        embedded = await extractEmbeddedXml(bytes);
      } catch (e) {
        throw new AppError('VALIDATION', `${fileName}: PDF nicht lesbar (${(e as Error).message}).`);
      }
      if (!embedded) {
        return { valid: false, checks: [], embeddedFile: null, warnings: [], failures: [{ id: 'PDF', flag: 'fatal', text: `${fileName} enthält keine eingebettete E-Rechnung (factur-x.xml / xrechnung.xml).`, location: '' }] };
      }
      return { ...(await validateEInvoiceXml(embedded.xml)), embeddedFile: embedded.fileName };
    }
    const xml = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    return { ...(await validateEInvoiceXml(xml)), embeddedFile: null };
  }
}
