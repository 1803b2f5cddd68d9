import type { OrderDraft } from '../../../../shared/domain/order';
import type { Address } from '../../../../shared/domain/address';
import type { ImportRejection } from '../../../../shared/orders/import-report';
import type { ColumnMapping } from '../../../../shared/ipc/channels/orders';

/** One file of an import, already decoded. */
export type SourceFile = { name: string; bytes: Uint8Array; text: string; encoding: 'utf-8' | 'windows-1252' };

export type ParsedOrder = { file: string; line: number; draft: OrderDraft; hub?: boolean };

/** Part of an order for an order that must already exist (SP-API getOrderAddress / getOrderItems alone). */
export type OrderPatch = { file: string; line: number; channel: OrderDraft['channel']; externalId: string; shipTo?: Address; items?: OrderDraft['items'] };

export type ParseResult = { orders: ParsedOrder[]; patches: OrderPatch[]; rejections: ImportRejection[] };

export type ParseContext = { mapping?: ColumnMapping | null; signal?: AbortSignal };

export interface ImportFormat {
  id: string;
  label: string;
  /** Which file the seller downloads where (shown in the empty state and the format picker). */
  hint: string;
  /** 0 = not this format, 1 = certain. Looks at the content (header row / JSON shape), never the file name. */
  detect(src: SourceFile): number;
  /** Formats whose files belong together (Etsy orders + items, SP-API order + address + items) get all of them at once. */
  joinFiles?: boolean;
  parse(files: SourceFile[], ctx: ParseContext): ParseResult;
}

/** A bad value in a row: names the field; the importer turns it into a rejection with file and line. */
export class RowError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
