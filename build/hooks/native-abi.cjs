/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(); CommonJS on purpose */
// Shared by the packaging hooks: keeps the Node-ABI better-sqlite3 (tests, CLI) safe while
// node_modules/better-sqlite3 holds the Electron-ABI build that goes into the installer.
const { copyFileSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const nodeFile = (root) => join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const backupFile = (root) => join(root, '.electron-native', 'node-abi', 'better_sqlite3.node');

/** Saves the Node-ABI binary once; a backup left by an interrupted build is the original and is kept. */
function backupNodeAbi(root) {
  const backup = backupFile(root);
  if (existsSync(backup) || !existsSync(nodeFile(root))) return;
  mkdirSync(join(backup, '..'), { recursive: true });
  copyFileSync(nodeFile(root), backup);
}

/** Puts the Node-ABI binary back (after packaging, or by hand: `node build/hooks/native-abi.cjs`). */
function restoreNodeAbi(root) {
  const backup = backupFile(root);
  if (!existsSync(backup)) return false;
  copyFileSync(backup, nodeFile(root));
  rmSync(backup);
  return true;
}

/** npm_config_nodedir (local Node headers, set for `npm ci`) would make node-gyp build for Node again. */
function withoutNodedir() {
  for (const k of Object.keys(process.env)) if (/^npm_config_nodedir$/i.test(k)) delete process.env[k];
}

module.exports = { backupNodeAbi, restoreNodeAbi, withoutNodedir, nodeFile };

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  console.log(restoreNodeAbi(root) ? 'Node-ABI better-sqlite3 wiederhergestellt.' : 'Nichts wiederherzustellen.');
}
