/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(); CommonJS on purpose */
// electron-builder beforePack: better-sqlite3 rebuilt for the pinned Electron (npmRebuild is off, so
// this is the only rebuild). The Node-ABI binary is saved first and put back by after-pack.cjs.
// electron-builder's Arch enum: ia32 = 0, x64 = 1, armv7l = 2, arm64 = 3, universal = 4.
const archName = (n) => ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][n] ?? String(n);
const { backupNodeAbi, withoutNodedir } = require('./native-abi.cjs');

exports.default = async function beforePack(context) {
  const root = context.packager.projectDir;
  const electronVersion = context.packager.info.framework.version;
  const arch = archName(context.arch);
  backupNodeAbi(root);
  withoutNodedir();
  const { rebuild } = await import('@electron/rebuild');
  console.log(`  • better-sqlite3 für Electron ${electronVersion} (${context.electronPlatformName}-${arch}) bauen`);
  await rebuild({
    buildPath: root,
    projectRootPath: root,
    electronVersion,
    arch,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
};
