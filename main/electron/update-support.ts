// Pure: where an installed Portodesk may update itself (Actual's list, adapted).
import type { UpdateSupport } from '../services/shell/update-service';

export type UpdateEnvironment = {
  isPackaged: boolean;
  platform: string;
  env: Record<string, string | undefined>;
  /** process.windowsStore / process.mas */
  storeBuild: boolean;
  /** A feed is configured: app-update.yml in resources or PORTODESK_UPDATE_URL. */
  hasFeed: boolean;
};

export function updateSupport(e: UpdateEnvironment): UpdateSupport {
  // Explicit switch for the loopback feed test and for trying a feed by hand from `npm start`.
  const forced = e.env.PORTODESK_FORCE_UPDATE_CHECK === '1';
  if (!forced) {
    if (e.env.PORTODESK_E2E === '1' || e.env.VITEST || e.env.CI === 'true') return { supported: false, reason: 'test' };
    if (!e.isPackaged) return { supported: false, reason: 'not_packaged' };
    if (e.storeBuild) return { supported: false, reason: 'store' };
    if (e.platform === 'linux' && (e.env.FLATPAK_ID || e.env.SNAP || !e.env.APPIMAGE)) return { supported: false, reason: 'linux_package' };
  }
  if (!e.hasFeed) return { supported: false, reason: 'no_feed' };
  return { supported: true };
}
