/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(); CommonJS on purpose */
// electron-builder afterPack: Electron fuses (before signing, which follows), then the Node-ABI
// better-sqlite3 goes back into node_modules so `npm test` works right after `npm run dist`.
const { join } = require('node:path');
// electron-builder's Arch enum: ia32 = 0, x64 = 1, armv7l = 2, arm64 = 3, universal = 4.
const archName = (n) => ['ia32', 'x64', 'armv7l', 'arm64', 'universal'][n] ?? String(n);
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');
const { restoreNodeAbi } = require('./native-abi.cjs');

function executable(context) {
  const platform = context.electronPlatformName;
  const name = context.packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return join(context.appOutDir, `${name}.app`);
  if (platform === 'win32') return join(context.appOutDir, `${name}.exe`);
  return join(context.appOutDir, context.packager.executableName);
}

exports.default = async function afterPack(context) {
  const platform = context.electronPlatformName;
  try {
    await flipFuses(executable(context), {
      version: FuseVersion.V1,
      // Re-sign ad hoc where macOS on Apple silicon would otherwise refuse the modified binary.
      resetAdHocDarwinSignature: platform === 'darwin' && archName(context.arch) === 'arm64',
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      // Electron validates the asar header hash on macOS and Windows only (electron-builder embeds it).
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'mas' || platform === 'win32',
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    console.log(`  • Electron-Fuses gesetzt (${platform})`);
  } finally {
    restoreNodeAbi(context.packager.projectDir);
  }
};
