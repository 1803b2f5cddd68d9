import type { InvoiceSnapshot } from '../../../shared/domain/invoice';
import type { DeliveryNoteSnapshot } from './delivery-note';
import { renderPaged } from './pdf/engine';
import { invoiceDocument } from './pdf/invoice-doc';
import { deliveryNoteDocument } from './pdf/delivery-note-doc';
import type { LetterForm } from './pdf/letter';

/** What to draw; plain data so it can cross a worker-thread boundary. */
export type RenderJob =
  | { kind: 'invoice'; snapshot: InvoiceSnapshot; form: LetterForm; issuedAt: string }
  | { kind: 'delivery_note'; snapshot: DeliveryNoteSnapshot; form: LetterForm; issuedAt: string };

export type Renderer = (job: RenderJob) => Promise<Uint8Array>;

/** Renders in this thread. The same input always gives the same bytes (fixed creation date, no randomness). */
export const renderInThread: Renderer = (job) =>
  job.kind === 'invoice'
    ? renderPaged(invoiceDocument(job.snapshot, { form: job.form, issuedAt: job.issuedAt }))
    : renderPaged(deliveryNoteDocument(job.snapshot, { form: job.form, issuedAt: job.issuedAt }));
