import { afterEach, describe, expect, it } from 'vitest';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SafeStorageSecretStore, type Encryptor } from '../../main/electron/secret-store';
import { createFileLogger } from '../../main/adapters/file-logger';
import { composeApp, type PortodeskApp } from '../../main/app/compose';
import { fakePorts } from '../fakes/ports';
import { tempDir } from '../harness/test-app';

/** Stands in for safeStorage: AES-256-GCM under a key held "in the OS keychain" (here: memory). */
class TestKeychain implements Encryptor {
  constructor(
    private backend = 'gnome_libsecret',
    private available = true,
    private key = randomBytes(32),
  ) {}
  isEncryptionAvailable() {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  encryptString(plain: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }
  decryptString(b: Buffer): string {
    const d = createDecipheriv('aes-256-gcm', this.key, b.subarray(0, 12));
    d.setAuthTag(b.subarray(12, 28));
    return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
  }
  withKey(): Buffer {
    return this.key;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const SECRET = 'Portokasse-Passwort-9xQ!ä7';

describe('secrets through the app’s SecretStore (safeStorage)', () => {
  let app: PortodeskApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  function open(dataDir: string, keychain: TestKeychain) {
    const secrets = new SafeStorageSecretStore(keychain, join(dataDir, 'secrets.json'), 'linux');
    const logger = createFileLogger(join(dataDir, 'logs', 'portodesk.log'), { minLevel: 'debug' });
    app = composeApp({ dataDir, ports: fakePorts({ secrets, logger }) });
    return app;
  }

  it('a stored secret is found neither in the database files nor in the logs, and comes back after a restart', async () => {
    const dataDir = tempDir();
    const keychain = new TestKeychain();
    const a = open(dataDir, keychain);
    await a.core.secrets.set('franking.portokassePassword', SECRET);
    // Careless callers: the logger must not write it either.
    a.core.logger.info('portokasse.login', { user: 'shop@example.de', password: SECRET });
    a.core.logger.warn('billing.token_refresh', { token: SECRET, authorization: `Bearer ${SECRET}` });
    await a.call('settings:set', { key: 'shell.notifications.balance', value: false });
    expect(await a.call('shell:secrets:status', {})).toEqual({ available: true, backend: 'gnome_libsecret', message: null });
    await a.close();
    app = null;

    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('portodesk.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('portodesk.log'))).toBe(true);
    expect(files.some((f) => f.endsWith('secrets.json'))).toBe(true);
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const needle of [Buffer.from(SECRET, 'utf8'), Buffer.from(SECRET, 'utf16le'), Buffer.from(SECRET, 'latin1'), Buffer.from(Buffer.from(SECRET).toString('base64'))]) {
        expect(bytes.includes(needle), `${f} contains the secret`).toBe(false);
      }
    }
    expect(readFileSync(join(dataDir, 'logs', 'portodesk.log'), 'utf8')).toContain('[redacted]');
    const stored = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { backend: string; entries: Record<string, string> };
    expect(Object.keys(stored.entries)).toEqual(['franking.portokassePassword']);
    expect(stored.backend).toBe('gnome_libsecret');
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'secrets.json')).mode & 0o077).toBe(0);

    const b = open(dataDir, keychain);
    expect(await b.core.secrets.get('franking.portokassePassword')).toBe(SECRET);
    await b.core.secrets.delete('franking.portokassePassword');
    expect(await b.core.secrets.get('franking.portokassePassword')).toBeNull();
  });

  it('refuses Linux’s plain-text backend with a message that says what to do, and writes nothing', async () => {
    const dataDir = tempDir();
    const a = open(dataDir, new TestKeychain('basic_text'));
    const status = await a.call('shell:secrets:status', {});
    expect(status.available).toBe(false);
    expect(status.backend).toBe('basic_text');
    expect(status.message).toMatch(/gnome-keyring/);
    expect(status.message).toMatch(/--password-store=gnome-libsecret/);
    await expect(a.core.secrets.set('billing.token', SECRET)).rejects.toMatchObject({ code: 'SECRETS_UNAVAILABLE' });
    expect(a.core.secrets.isAvailable()).toBe(false);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('says so when the OS offers no encryption at all (Windows/macOS)', async () => {
    const store = new SafeStorageSecretStore(new TestKeychain('x', false), join(tempDir(), 'secrets.json'), 'win32');
    expect(store.status()).toMatchObject({ available: false, backend: 'dpapi' });
    await expect(store.set('k', 'v')).rejects.toThrow(/keine Verschlüsselung/);
  });

  it('a secret encrypted under another keychain key is reported as unreadable, not returned as garbage', async () => {
    const file = join(tempDir(), 'secrets.json');
    await new SafeStorageSecretStore(new TestKeychain(), file, 'linux').set('billing.token', SECRET);
    await expect(new SafeStorageSecretStore(new TestKeychain(), file, 'linux').get('billing.token')).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
  });

  it('the CLI, which has no keychain, reports that it keeps no secrets', async () => {
    const { runPortodesk } = await import('../harness/cli');
    const r = runPortodesk(['--data', tempDir(), 'secrets', 'check', '--json']);
    expect(r.json()).toMatchObject({ available: false, backend: 'env' });
  });
});
