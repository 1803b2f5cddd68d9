// `npm run dist`: installers for the OS this runs on (Linux: AppImage + deb, Windows: NSIS,
// macOS: dmg + zip) into release/. Needs internet: the Electron zip and Electron's headers for
// better-sqlite3. Extra arguments go to electron-builder, e.g. `npm run dist -- --publish always`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildAll, root } from './build.mjs';

const require = createRequire(join(root, 'package.json'));
const { restoreNodeAbi } = require('../build/hooks/native-abi.cjs');

await buildAll({ quiet: true });
const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
const r = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
// after-pack.cjs restores the Node-ABI better-sqlite3; this covers a build that stopped before it.
if (restoreNodeAbi(root)) console.log('Node-ABI better-sqlite3 wiederhergestellt.');
process.exit(r.status ?? 1);
