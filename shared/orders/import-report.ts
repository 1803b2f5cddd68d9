import { z } from 'zod';

/** A row the import did not take, with file, line and field named (the seller fixes the file and imports again). */
export const ImportRejection = z.object({ file: z.string(), line: z.number().int(), field: z.string(), message: z.string() });
export type ImportRejection = z.infer<typeof ImportRejection>;

/** An order that has an issued document: the import found a difference and did NOT apply it. */
export const ImportConflict = z.object({ orderId: z.number().int(), externalId: z.string(), fields: z.array(z.string()) });
export type ImportConflict = z.infer<typeof ImportConflict>;

export const ImportFileReport = z.object({
  file: z.string(),
  format: z.string(),
  formatLabel: z.string(),
  /** Orders found in the file (accepted + rejected). */
  orders: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** 'all or nothing' and at least one bad row: nothing of this file was written. */
  rolledBack: z.boolean(),
  rejections: z.array(ImportRejection),
  conflicts: z.array(ImportConflict),
  /** The file as a whole could not be read (wrong kind, wrong encoding, …). */
  error: z.string().nullable(),
});
export type ImportFileReport = z.infer<typeof ImportFileReport>;

export const ImportReport = z.object({
  files: z.array(ImportFileReport),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;
