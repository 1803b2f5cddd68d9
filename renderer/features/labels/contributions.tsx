import type { Contributions } from '../../app/registries';

/** What the labels capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const labelsContributions: Contributions = {};
