import type { InvoiceSnapshot } from '../../../shared/domain/invoice';

export type IssuedInvoiceRef = {
  number: string;
  kind: 'invoice' | 'cancellation';
  orderId: number;
  issueDate: string;
  grossCents: number;
  currency: string;
  /** SHA-256 (hex) of the stored PDF. */
  pdfSha256: string;
  /** Number of the cancellation invoice that cancelled this one, if any. */
  cancelledBy: string | null;
};

/**
 * What the documents capability offers the others (e-invoice, DATEV/CSV export, fee usage): read
 * access to issued invoices and a notification when one is issued. Issued documents never change.
 */
export interface InvoiceArchive {
  list(filter?: { fromDay?: string; toDay?: string; orderIds?: number[] }): IssuedInvoiceRef[];
  snapshot(number: string): InvoiceSnapshot | null;
  pdf(number: string): Uint8Array | null;
  onIssued(listener: (snapshot: InvoiceSnapshot, pdf: Uint8Array) => void): () => void;
}
