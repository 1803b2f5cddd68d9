import type { Migration } from './types';

/** Schema of the franking capability. */
export const m0005: Migration = {
  version: 5,
  name: 'franking',
  up() {
    // Reserved for the franking capability's tables.
  },
};
