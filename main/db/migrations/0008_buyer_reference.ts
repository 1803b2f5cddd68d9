import type { Migration } from './types';

/**
 * Käuferreferenz / Leitweg-ID (EN 16931 BT-10) per order: public buyers require it, and with it the
 * e-invoice becomes an XRechnung. Additive: existing orders get '' (no reference).
 */
export const m0008: Migration = {
  version: 8,
  name: 'buyer_reference',
  up(db) {
    db.exec(`ALTER TABLE orders ADD COLUMN buyer_reference TEXT NOT NULL DEFAULT ''`);
  },
};
