import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DbFromFutureError } from './errors';
import type { Db } from './types';
import { migrations as defaultMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { runMigrations } from './migrate';

export { DbFromFutureError };

export type OpenOptions = {
  /** Path to the .node file when the Electron-ABI build lives apart from the Node-ABI one. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
};


/**
 * Opens (and migrates) the database. A database from a newer app version is refused before
 * anything is written to it, so the file stays byte-identical.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const list = opts.migrations ?? defaultMigrations;
  const known = list.length ? list[list.length - 1]!.version : 0;
  const dbOpts = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  if (file !== ':memory:' && existsSync(file)) {
    const probe = new Database(file, { ...dbOpts, readonly: true, fileMustExist: true });
    try {
      const found = probe.pragma('user_version', { simple: true }) as number;
      if (found > known) throw new DbFromFutureError(file, found, known);
    } finally {
      probe.close();
    }
  }
  const db = new Database(file, dbOpts);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL: an issued invoice number must survive a power cut, not only an app crash.
    db.pragma('synchronous = FULL');
    runMigrations(db, file, list, opts.now ?? (() => new Date()));
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
