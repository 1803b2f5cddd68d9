import type { Contributions } from '../../app/registries';

/** What the shell capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const shellContributions: Contributions = {};
