import type { Contributions } from '../../app/registries';

/** What the franking capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const frankingContributions: Contributions = {};
