import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Portodesk keeps its data: --data beats PORTODESK_DATA beats the OS app-data folder
 * (the same folder Electron's app.getPath('userData') names for "Portodesk").
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (explicit) return explicit;
  if (env.PORTODESK_DATA) return env.PORTODESK_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Portodesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Portodesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Portodesk');
}
