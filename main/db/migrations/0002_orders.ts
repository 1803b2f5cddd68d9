import type { Migration } from './types';

/** Schema of the orders capability. */
export const m0002: Migration = {
  version: 2,
  name: 'orders',
  up() {
    // Reserved for the orders capability's tables.
  },
};
