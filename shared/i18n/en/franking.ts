import type { franking as de } from '../de/franking';

export const franking: Record<keyof typeof de, string> = {};
