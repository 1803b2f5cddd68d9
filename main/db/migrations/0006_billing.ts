import type { Migration } from './types';

/** Schema of the billing capability. */
export const m0006: Migration = {
  version: 6,
  name: 'billing',
  up() {
    // Reserved for the billing capability's tables.
  },
};
