import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from '../command';
import { logsDir } from '../../services/shell/feature';

/** `portodesk` subcommands of the shell capability. */
export const shellCommands: CliCommand[] = [
  {
    name: 'logs path',
    summary: 'Ordner der Protokolldateien anzeigen (für Support-Anfragen)',
    async run(ctx) {
      const dir = logsDir(ctx.app.core.dataDir);
      const file = join(dir, 'portodesk.log');
      ctx.print({ logsDir: dir, logFile: file, exists: existsSync(file) }, dir);
    },
  },
  {
    name: 'secrets check',
    summary: 'Prüfen, wo Passwörter gespeichert werden und welche es gibt (ohne sie zu zeigen)',
    async run(ctx) {
      const status = await ctx.app.call('shell:secrets:status', {});
      // The desktop app's encrypted store: names and the keyring it used, never the values.
      const file = join(ctx.app.core.dataDir, 'secrets.json');
      let storedKeys: string[] = [];
      let appBackend: string | null = null;
      if (existsSync(file)) {
        const raw = JSON.parse(readFileSync(file, 'utf8')) as { backend?: string; entries?: Record<string, unknown> };
        storedKeys = Object.keys(raw.entries ?? {}).sort();
        appBackend = raw.backend ?? null;
      }
      const result = { ...status, secretsFile: file, storedKeys, appBackend };
      ctx.print(result, () =>
        [
          status.available ? `Sicherer Speicher: ja (${status.backend})` : `Sicherer Speicher hier: nein (${status.backend})`,
          ...(status.message ? [status.message] : []),
          existsSync(file)
            ? `Desktop-App: ${storedKeys.length} Geheimnis(se) verschlüsselt in ${file} (Schlüsselbund: ${appBackend ?? 'unbekannt'})${storedKeys.length ? ': ' + storedKeys.join(', ') : ''}`
            : 'Desktop-App: noch keine Geheimnisse gespeichert.',
        ].join('\n'),
      );
    },
  },
  {
    name: 'update status',
    summary: 'Update-Stand anzeigen (Updates selbst laufen nur in der Desktop-App)',
    async run(ctx) {
      const s = await ctx.app.call('shell:update:status', {});
      ctx.print(s, () => `Portodesk ${s.currentVersion}: ${s.message ?? s.state}`);
    },
  },
];
