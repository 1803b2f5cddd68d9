import type { SecretStore } from '../ports/secret-store';

/**
 * The CLI has no OS keychain of its own: it reads secrets handed in through the environment
 * (PORTODESK_SECRET_<KEY>, e.g. PORTODESK_SECRET_IM_PASSWORD) and refuses to store any, so a secret
 * never lands on disk in plain text. The Electron app uses safeStorage instead.
 */
export function createEnvSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const name = (key: string) => `PORTODESK_SECRET_${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  return {
    isAvailable: () => false,
    async get(key) {
      return env[name(key)] ?? null;
    },
    async set(key) {
      throw new Error(
        `Geheimnisse können auf der Kommandozeile nicht gespeichert werden (${key}). ` +
          `Übergeben Sie sie als Umgebungsvariable ${name(key)} oder speichern Sie sie in der App.`,
      );
    },
    async delete() {
      // nothing stored, nothing to delete
    },
  };
}
