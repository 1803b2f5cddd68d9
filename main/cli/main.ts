import { parseArgs } from 'node:util';
import { composeApp, type PortodeskApp } from '../app/compose';
import { resolveDataDir } from '../app/data-dir';
import { nodePorts } from '../app/node-ports';
import { allCommands } from './commands';
import { UsageError, type CliCommand } from './command';
import { isAppError } from '../../shared/errors';

const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  'im-url': { type: 'string' },
  'billing-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function help(): string {
  const lines = allCommands.map((c) => `  ${(c.name + (c.usage ? ' ' + c.usage : '')).padEnd(46)} ${c.summary}`);
  return [
    'Aufruf: portodesk [--data ORDNER] [--json] <befehl> …',
    '',
    'Befehle:',
    ...lines,
    '',
    'Datenordner: --data, sonst PORTODESK_DATA, sonst der Portodesk-Ordner des Betriebssystems.',
  ].join('\n');
}

/** Finds the command whose words match the longest prefix of the non-option arguments. */
function findCommand(args: string[]): { cmd: CliCommand; rest: string[] } | null {
  const words: string[] = [];
  for (const a of args) {
    if (a.startsWith('-')) break;
    words.push(a);
  }
  for (let n = Math.min(words.length, 3); n > 0; n--) {
    const name = words.slice(0, n).join(' ');
    const cmd = allCommands.find((c) => c.name === name);
    if (cmd) return { cmd, rest: args.slice(n) };
  }
  return null;
}

export type CliIo = { stdout: (s: string) => void; stderr: (s: string) => void; env: NodeJS.ProcessEnv };

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Global options may stand anywhere; pull them out first.
  const globals: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    const def = m ? (GLOBAL_OPTIONS as Record<string, { type: string }>)[m[1]!] : undefined;
    if (m && def) {
      if (def.type === 'boolean') globals[m[1]!] = true;
      else {
        const v = m[2] ?? argv[++i];
        if (v === undefined) {
          io.stderr(`Fehler: --${m[1]} braucht einen Wert\n`);
          return 2;
        }
        globals[m[1]!] = v;
      }
    } else if (a === '-h') globals.help = true;
    else rest.push(a);
  }
  if (globals.help || rest.length === 0) {
    io.stdout(help() + '\n');
    return rest.length === 0 && !globals.help ? 2 : 0;
  }
  const found = findCommand(rest);
  if (!found) {
    io.stderr(`Fehler: unbekannter Befehl „${rest.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}“\n\n${help()}\n`);
    return 2;
  }
  const { cmd } = found;
  let parsed;
  try {
    parsed = parseArgs({ args: found.rest, options: cmd.options ?? {}, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`Fehler: ${(e as Error).message}\nAufruf: portodesk ${cmd.name} ${cmd.usage ?? ''}\n`);
    return 2;
  }
  const json = globals.json === true;
  const dataDir = resolveDataDir(typeof globals.data === 'string' ? globals.data : undefined, io.env);
  let app: PortodeskApp | null = null;
  try {
    app = composeApp({
      dataDir,
      ports: nodePorts(dataDir, io.env),
      config: {
        internetmarkeUrl: (globals['im-url'] as string | undefined) ?? io.env.PORTODESK_IM_URL,
        billingUrl: (globals['billing-url'] as string | undefined) ?? io.env.PORTODESK_BILLING_URL,
      },
    });
    const code = await cmd.run({
      app,
      values: parsed.values as Record<string, string | boolean | string[] | boolean[] | undefined>,
      positionals: parsed.positionals,
      json,
      env: io.env,
      print(value, text) {
        if (json || text === undefined) io.stdout(JSON.stringify(value, null, 2) + '\n');
        else io.stdout((typeof text === 'function' ? text() : text) + '\n');
      },
    });
    return code ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`Fehler: ${e.message}\nAufruf: portodesk ${cmd.name} ${cmd.usage ?? ''}\n`);
      return 2;
    }
    if (isAppError(e)) {
      io.stderr(`Fehler (${e.code}): ${e.message}\n`);
      if (json) io.stdout(JSON.stringify({ error: { code: e.code, message: e.message } }) + '\n');
      return 1;
    }
    io.stderr(`Fehler: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await app?.close();
  }
}
