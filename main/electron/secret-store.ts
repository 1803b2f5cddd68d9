// No 'electron' import: safeStorage is passed in (as `Encryptor`), so the store is tested in Node with
// a stand-in that really encrypts.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../ports/secret-store';
import type { SecretsStatus } from '../../shared/ipc/channels/shell';
import { AppError } from '../../shared/errors';

/** The part of Electron's safeStorage this store uses. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'. */
  getSelectedStorageBackend?(): string;
}

type SecretsFile = { version: 1; backend: string; entries: Record<string, string> };

/** Backends that only obscure: Chromium's hard-coded key, i.e. plain text in disguise. */
const PLAIN_TEXT_BACKENDS = new Set(['basic_text', 'unknown']);

export function linuxKeyringHelp(backend: string): string {
  return (
    `Portodesk hat keinen Schlüsselbund des Systems gefunden (Speicher „${backend}“). Passwörter wären damit nur verschleiert, ` +
    'nicht verschlüsselt – deshalb speichert Portodesk sie nicht. So geht es weiter: Installieren und entsperren Sie einen ' +
    'Schlüsselbund (GNOME: „sudo apt install gnome-keyring libsecret-1-0“, KDE: KWallet), melden Sie sich neu an und starten ' +
    'Portodesk erneut. Wird der Schlüsselbund nicht erkannt, starten Sie Portodesk mit „--password-store=gnome-libsecret“ ' +
    'bzw. „--password-store=kwallet5“.'
  );
}

/**
 * Secrets (Portokasse password, billing token, …) encrypted with the OS keychain through safeStorage
 * (DPAPI on Windows, Keychain on macOS, libsecret/KWallet on Linux) and kept as base64 blobs in
 * <data>/secrets.json — never in SQLite, never in logs, never in plain text. Where the OS offers no
 * real encryption, storing is refused with a message that says what to do.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(
    private enc: Encryptor,
    private file: string,
    private platform: string = process.platform,
  ) {}

  backend(): string {
    if (this.platform === 'linux') return this.enc.getSelectedStorageBackend?.() ?? 'unknown';
    return this.platform === 'win32' ? 'dpapi' : this.platform === 'darwin' ? 'keychain' : this.platform;
  }

  status(): SecretsStatus {
    const backend = this.backend();
    if (!this.enc.isEncryptionAvailable()) {
      return {
        available: false,
        backend,
        message:
          this.platform === 'linux'
            ? linuxKeyringHelp(backend)
            : 'Das Betriebssystem bietet gerade keine Verschlüsselung für Passwörter an. Melden Sie sich am System neu an und starten Sie Portodesk erneut.',
      };
    }
    if (this.platform === 'linux' && PLAIN_TEXT_BACKENDS.has(backend)) return { available: false, backend, message: linuxKeyringHelp(backend) };
    return { available: true, backend, message: null };
  }

  isAvailable(): boolean {
    return this.status().available;
  }

  async get(key: string): Promise<string | null> {
    const blob = this.read().entries[key];
    if (blob === undefined) return null;
    this.assertAvailable();
    try {
      return this.enc.decryptString(Buffer.from(blob, 'base64'));
    } catch {
      throw new AppError(
        'SECRET_UNREADABLE',
        `Das gespeicherte Geheimnis „${key}“ lässt sich nicht mehr entschlüsseln (der Schlüsselbund des Systems hat sich geändert). Bitte geben Sie es in den Einstellungen neu ein.`,
      );
    }
  }

  async set(key: string, value: string): Promise<void> {
    this.assertAvailable();
    const data = this.read();
    data.entries[key] = this.enc.encryptString(value).toString('base64');
    data.backend = this.backend();
    this.write(data);
  }

  async delete(key: string): Promise<void> {
    const data = this.read();
    if (!(key in data.entries)) return;
    delete data.entries[key];
    this.write(data);
  }

  /** Names of stored secrets (never their values), for `portodesk secrets check`. */
  keys(): string[] {
    return Object.keys(this.read().entries).sort();
  }

  private assertAvailable(): void {
    const s = this.status();
    if (!s.available) throw new AppError('SECRETS_UNAVAILABLE', s.message ?? 'Kein sicherer Speicher für Passwörter verfügbar.');
  }

  private read(): SecretsFile {
    if (!existsSync(this.file)) return { version: 1, backend: this.backend(), entries: {} };
    const raw = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<SecretsFile>;
    return { version: 1, backend: raw.backend ?? 'unknown', entries: { ...(raw.entries ?? {}) } };
  }

  private write(data: SecretsFile): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
