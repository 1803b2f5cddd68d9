import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { createBillingServer } from './http';
import { openSqliteStorage } from './storage/sqlite';
import { loadIssuer } from './config';

/**
 * `portodesk-server --data DIR [--port P] [--host H]` — the billing service. Listens on 127.0.0.1 by
 * default: put a TLS-terminating proxy in front (docs/billing.md). PORTODESK_SERVER_NOW pins its clock
 * (tests and demos only).
 */
async function main() {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help || !values.data) {
    process.stdout.write('Aufruf: portodesk-server --data ORDNER [--port 8787] [--host 127.0.0.1]\n');
    process.exit(values.help ? 0 : 2);
  }
  const dataDir = resolve(values.data);
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: „${values.port}“ ist kein Port`);
  const fixed = process.env.PORTODESK_SERVER_NOW;
  const now = fixed ? () => new Date(fixed) : () => new Date();
  const storage = openSqliteStorage(join(dataDir, 'billing.db'));
  const log = (event: string, data?: Record<string, unknown>) => process.stderr.write(JSON.stringify({ at: new Date().toISOString(), event, ...data }) + '\n');
  const srv = createBillingServer({ storage, now, issuer: loadIssuer(join(dataDir, 'issuer.json')), log, closeEveryMs: 60 * 60_000 });
  const bound = await srv.listen(port, values.host ?? '127.0.0.1');
  // One line on stdout that scripts (and the tests) can wait for.
  process.stdout.write(`portodesk-server listening on http://${values.host ?? '127.0.0.1'}:${bound}\n`);
  const stop = async () => {
    await srv.close();
    storage.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`Fehler: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
