import type { labels as de } from '../de/labels';

export const labels: Record<keyof typeof de, string> = {};
