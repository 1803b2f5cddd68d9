import type { shell as de } from '../de/shell';

export const shell: Record<keyof typeof de, string> = {};
