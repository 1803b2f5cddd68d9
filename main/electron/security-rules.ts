// Pure rules the Electron wiring applies: who may call main, where the window may go, what opens outside.
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** Only our own page (app://portodesk/…) may call main; iframes with blob: PDFs or anything navigated elsewhere may not. */
export function isTrustedSenderUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Hosts a link in Portodesk may open in the seller's browser (help pages, Deutsche Post, the billing portal). */
export const EXTERNAL_HOST_ALLOWLIST = [
  'portodesk.de',
  'www.portodesk.de',
  'www.deutschepost.de',
  'portokasse.deutschepost.de',
  'www.dhl.de',
  'www.elster.de',
] as const;

/** https only, no credentials in the URL, host on the allow-list (exact match, no look-alike suffixes). */
export function isAllowedExternalUrl(url: string, allow: readonly string[] = EXTERNAL_HOST_ALLOWLIST): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || (u.port && u.port !== '443')) return false;
  return allow.includes(u.hostname.toLowerCase());
}
