// `npm start`: build, make sure the Electron-ABI better-sqlite3 exists next to (not instead of) the
// Node-ABI one, then open Portodesk in Electron. `npm test` and `npm start` work in either order.
// Extra arguments go to the app, e.g. `npm start -- --data /tmp/portodesk-demo`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildAll, root } from './build.mjs';
import { ensureElectronNative, verifyElectronNative, versionOf } from './electron-native.mjs';

const require = createRequire(join(root, 'package.json'));

function fail(message) {
  console.error(`\nPortodesk startet nicht: ${message}\n`);
  process.exit(1);
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) fail(`Node ${process.versions.node} ist zu alt; benötigt wird Node 20.19 oder neuer.`);

console.log('1/3 Bauen (main, preload, renderer) …');
try {
  await buildAll({ quiet: true });
} catch (e) {
  fail(`der Build ist fehlgeschlagen:\n${e instanceof Error ? e.message : String(e)}`);
}

console.log(`2/3 Electron ${versionOf('electron')} bereitstellen …`);
let electronBinary;
try {
  // The electron package downloads its binary on first use (no postinstall since Electron 42).
  electronBinary = require('electron');
} catch (e) {
  fail(
    `das Electron-Programm fehlt und ließ sich nicht laden (${e instanceof Error ? e.message : String(e)}).\n` +
      'Prüfen Sie die Internetverbindung und führen Sie „npx install-electron --no“ aus, dann erneut „npm start“.',
  );
}

let nativeBinding;
try {
  nativeBinding = await ensureElectronNative();
  const sqlite = verifyElectronNative(electronBinary, nativeBinding);
  console.log(`3/3 SQLite ${sqlite} in Electron geprüft (${nativeBinding})`);
} catch (e) {
  fail(
    `better-sqlite3 ließ sich nicht für Electron bauen:\n${e instanceof Error ? e.message : String(e)}\n` +
      'Gebraucht werden Internet (Electron-Header) und, falls kein fertiges Binary geladen werden kann, ein C++-Compiler ' +
      '(Linux: build-essential python3; Windows: Visual Studio Build Tools; macOS: Xcode Command Line Tools).',
  );
}

const env = { ...process.env, PORTODESK_NATIVE_BINDING: nativeBinding };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
