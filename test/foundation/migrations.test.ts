import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../main/db/open';
import { migrations, latestSchemaVersion } from '../../main/db/migrations';
import { schemaVersion } from '../../main/db/migrate';
import { tempDir } from '../harness/test-app';

function schemaOf(file: string) {
  const db = new Database(file, { readonly: true });
  const objects = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
  db.close();
  return objects;
}

describe('migrations', () => {
  it('are dense, start at 1 and have unique names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('a fresh install equals an install upgraded step by step, and the upgrade is backed up first', () => {
    const dir = tempDir();
    const fresh = join(dir, 'fresh.db');
    openDatabase(fresh).close();

    const upgraded = join(dir, 'upgraded.db');
    for (let v = 1; v <= latestSchemaVersion; v++) {
      const db = openDatabase(upgraded, { migrations: migrations.slice(0, v) });
      expect(schemaVersion(db)).toBe(v);
      db.close();
    }
    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
    if (latestSchemaVersion > 1) {
      expect(readdirSync(dir).some((f) => f.startsWith('upgraded.db.backup-v1-'))).toBe(true);
    }
  });

  it('sets WAL, foreign keys and busy timeout', () => {
    const db = openDatabase(join(tempDir(), 'p.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('refuses a database from a newer version and leaves it byte-identical', () => {
    const file = join(tempDir(), 'future.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(/neueren Portodesk-Version/);
    try {
      openDatabase(file);
    } catch (e) {
      expect((e as { code: string }).code).toBe('DB_FROM_FUTURE');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('rolls back every step of a failing migration and keeps the old data', () => {
    const file = join(tempDir(), 'fail.db');
    openDatabase(file, { migrations: migrations.slice(0, 1) }).close();
    const broken = [...migrations.slice(0, 1), { version: 2, name: 'broken', up: (db: Database.Database) => { db.exec('CREATE TABLE half (x)'); throw new Error('boom'); } }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow('boom');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
    writeFileSync(join(tempDir(), 'ok'), '');
  });
});
