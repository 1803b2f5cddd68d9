import type { Migration } from './types';
import { m0001 } from './0001_foundation';
import { m0002 } from './0002_orders';
import { m0003 } from './0003_documents';
import { m0004 } from './0004_labels';
import { m0005 } from './0005_franking';
import { m0006 } from './0006_billing';
import { m0007 } from './0007_exports';
import { m0008 } from './0008_buyer_reference';

/** Append-only. Never edit a migration that has shipped; add the next number instead. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008];
export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
