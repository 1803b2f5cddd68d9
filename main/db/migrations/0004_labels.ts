import type { Migration } from './types';

/** Schema of the labels capability. */
export const m0004: Migration = {
  version: 4,
  name: 'labels',
  up() {
    // Reserved for the labels capability's tables.
  },
};
