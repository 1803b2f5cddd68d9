import type { Migration } from './types';

/** Schema of the documents capability. */
export const m0003: Migration = {
  version: 3,
  name: 'documents',
  up() {
    // Reserved for the documents capability's tables.
  },
};
