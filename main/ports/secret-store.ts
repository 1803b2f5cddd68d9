/**
 * Secrets (Portokasse password, billing token, …) live only behind this port: safeStorage in the
 * Electron app, an in-memory store in tests. Never SQLite, never logs, never plain text on disk.
 */
export interface SecretStore {
  /** false where the OS offers no real encryption (e.g. Linux without a keyring). */
  isAvailable(): boolean;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}
