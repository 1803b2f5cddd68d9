import type { Contributions } from '../../app/registries';

/** What the exports capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const exportsContributions: Contributions = {};
