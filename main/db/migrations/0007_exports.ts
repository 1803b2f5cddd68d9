import type { Migration } from './types';

/** Schema of the exports capability. */
export const m0007: Migration = {
  version: 7,
  name: 'exports',
  up() {
    // Reserved for the exports capability's tables.
  },
};
