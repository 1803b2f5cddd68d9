import type { Db } from './types';
import type { Migration } from './migrations/types';
import { DbFromFutureError } from './errors';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the pending migrations in one transaction. An existing database is copied first
 * (VACUUM INTO next to it), so a failed upgrade can always be undone by hand.
 */
export function runMigrations(db: Db, file: string, list: readonly Migration[], now: () => Date): { from: number; to: number; backup: string | null } {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name}: Version ${m.version} erwartet ${i + 1}`);
  });
  const from = schemaVersion(db);
  const known = list.length ? list[list.length - 1]!.version : 0;
  if (from > known) throw new DbFromFutureError(file, from, known);
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backup: null };

  let backup: string | null = null;
  if (from > 0 && file !== ':memory:') {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    backup = `${file}.backup-v${from}-${stamp}`;
    db.prepare('VACUUM INTO ?').run(backup);
  }
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const ins = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      m.up(db);
      ins.run(m.version, m.name, now().toISOString());
    }
    db.pragma(`user_version = ${known}`);
  })();
  return { from, to: known, backup };
}
