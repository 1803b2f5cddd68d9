import type { documents as de } from '../de/documents';

export const documents: Record<keyof typeof de, string> = {};
