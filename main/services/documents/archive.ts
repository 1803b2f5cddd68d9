import type { Db } from '../../db/types';
import * as repo from '../../db/repos/documents';
import { InvoiceSnapshot } from '../../../shared/domain/invoice';
import type { InvoiceArchive, IssuedInvoiceRef } from './invoice-archive';
import type { DocumentIssuer } from './issue';

/** Read access to issued invoices for the other capabilities (e-invoice, DATEV, CSV export). */
export function createInvoiceArchive(db: Db, issuer: DocumentIssuer): InvoiceArchive {
  const numberOf = (id: number | null) => (id === null ? null : (repo.getDocumentById(db, id)?.number ?? null));
  const toRef = (r: repo.DocumentRow): IssuedInvoiceRef => ({
    number: r.number,
    kind: r.kind === 'cancellation' ? 'cancellation' : 'invoice',
    orderId: r.order_id,
    issueDate: r.issue_date,
    grossCents: r.gross_cents,
    currency: r.currency,
    pdfSha256: r.pdf_sha256,
    cancelledBy: numberOf(r.cancelled_by_id),
  });
  return {
    list(filter = {}) {
      return repo.listDocuments(db, { kinds: ['invoice', 'cancellation'], ...filter }).map(toRef);
    },
    snapshot(number) {
      const r = repo.getDocumentByNumber(db, number);
      if (!r || r.kind === 'delivery_note') return null;
      return InvoiceSnapshot.parse(JSON.parse(repo.documentContent(db, number)!));
    },
    pdf(number) {
      const r = repo.getDocumentByNumber(db, number);
      if (!r || r.kind === 'delivery_note') return null;
      const p = repo.documentPdf(db, number);
      return p ? new Uint8Array(p.pdf) : null;
    },
    onIssued(listener) {
      return issuer.onIssued(listener);
    },
  };
}
