import type { Contributions } from '../../app/registries';

/** What the documents capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const documentsContributions: Contributions = {};
