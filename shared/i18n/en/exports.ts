import type { exports as de } from '../de/exports';

export const exports: Record<keyof typeof de, string> = {};
