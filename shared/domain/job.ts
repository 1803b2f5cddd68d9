import { z } from 'zod';

export const JobState = z.enum(['queued', 'running', 'paused', 'cancelled', 'done', 'failed']);
export type JobState = z.infer<typeof JobState>;

/** What the renderer sees of a long-running job (import, batch print, stamp purchase, …). */
export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  state: JobState,
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  startedAt: z.string(),
  updatedAt: z.string(),
  etaSeconds: z.number().nullable(),
  summary: z.string().nullable(),
  /** Items that did not go through, with the reason in words, so the UI can link to them. */
  problems: z.array(z.object({ ref: z.string(), reason: z.string() })),
  result: z.unknown().optional(),
});
export type JobView = z.infer<typeof JobView>;
