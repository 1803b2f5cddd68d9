import type { billing as de } from '../de/billing';

export const billing: Record<keyof typeof de, string> = {};
