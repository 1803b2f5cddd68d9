import type { Contributions } from '../../app/registries';

/** What the orders capability adds to the shell (toolbar actions, detail sections, settings, overlays). */
export const ordersContributions: Contributions = {};
