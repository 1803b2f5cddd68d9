import type { Contributions } from '../../app/registries';

/** What the billing capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const billingContributions: Contributions = {};
