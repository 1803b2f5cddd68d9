import { z } from 'zod';
import type { AppCore } from '../../app/core';
import { AppError } from '../../../shared/errors';
import { DEFAULT_RULES, PostageRules, type PostageRule } from '../../../shared/postage/rules';
import { IM_PRODUCTION_URL, type ImCredentials } from './im-client';

/** Settings and credentials of the franking capability. */

export const SECRET_USER = 'im.user';
export const SECRET_PASSWORD = 'im.password';

export function registerFrankingSettings(core: AppCore): void {
  const s = core.settings;
  s.register('franking.apiUrl', z.union([z.literal(''), z.string().url()]), '', 'Internetmarke-API (leer = Produktion api-eu.dhl.com); --im-url hat Vorrang');
  s.register('franking.clientId', z.string(), '', 'API-Key der Portodesk-Anwendung (developer.dhl.com); alternativ PORTODESK_IM_CLIENT_ID');
  s.register('franking.clientSecret', z.string(), '', 'API-Secret der Portodesk-Anwendung; alternativ PORTODESK_IM_CLIENT_SECRET');
  s.register('franking.pageFormatId', z.number().int().positive(), 1, 'Seitenformat der Marken (1 = DIN A4 Normalpapier, 2×5)');
  s.register('franking.maxStampsPerCart', z.number().int().min(1).max(1000), 100, 'Höchstzahl Marken je Warenkorb (ein Warenkorb = eine Abbuchung)');
  s.register('franking.lowBalanceCents', z.number().int().nonnegative(), 2000, 'Hinweis, wenn das Portokasse-Guthaben darunter fällt (Cent)');
  s.register('franking.timeoutMs', z.number().int().min(500), 60_000, 'Zeitlimit je Anfrage an die Internetmarke-API (ms)');
  s.register('franking.retourePollMs', z.number().int().min(0), 3000, 'Abstand der Statusabfragen einer Erstattung (ms)');
  s.register('franking.retourePollMax', z.number().int().min(1), 20, 'Höchstzahl der Statusabfragen einer Erstattung je Vorgang');
  s.register(
    'franking.rules',
    z.string().refine((v) => v === '' || PostageRules.safeParse(safeJson(v)).success, 'franking.rules.invalid'),
    '',
    'Produktregeln als JSON (leer = Standard nach Gewicht/Artikelzahl)',
  );
}

const safeJson = (v: string): unknown => {
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
};

export function rules(core: AppCore): PostageRule[] {
  const raw = core.settings.get('franking.rules') as string;
  return raw ? PostageRules.parse(JSON.parse(raw)) : DEFAULT_RULES;
}

export function apiUrl(core: AppCore): string {
  return core.config.internetmarkeUrl || (core.settings.get('franking.apiUrl') as string) || IM_PRODUCTION_URL;
}

export function appCredentials(core: AppCore, env: NodeJS.ProcessEnv): { clientId: string; clientSecret: string } {
  return {
    clientId: (core.settings.get('franking.clientId') as string) || env.PORTODESK_IM_CLIENT_ID || '',
    clientSecret: (core.settings.get('franking.clientSecret') as string) || env.PORTODESK_IM_CLIENT_SECRET || '',
  };
}

/** The seller's Portokasse login: the SecretStore first, then PORTODESK_IM_USER / PORTODESK_IM_PASSWORD for automation. */
export async function portokasseLogin(core: AppCore, env: NodeJS.ProcessEnv): Promise<{ username: string; password: string } | null> {
  const username = (await core.secrets.get(SECRET_USER)) ?? env.PORTODESK_IM_USER ?? '';
  const password = (await core.secrets.get(SECRET_PASSWORD)) ?? env.PORTODESK_IM_PASSWORD ?? '';
  return username && password ? { username, password } : null;
}

export async function credentials(core: AppCore, env: NodeJS.ProcessEnv, override?: { username: string; password: string }): Promise<ImCredentials> {
  const app = appCredentials(core, env);
  if (!app.clientId || !app.clientSecret) {
    throw new AppError(
      'IM_NOT_CONFIGURED',
      'Die Internetmarke-Schnittstelle ist nicht eingerichtet: API-Key und API-Secret der Anwendung fehlen ' +
        '(Einstellungen franking.clientId / franking.clientSecret oder PORTODESK_IM_CLIENT_ID / PORTODESK_IM_CLIENT_SECRET).',
    );
  }
  const login = override ?? (await portokasseLogin(core, env));
  if (!login) {
    throw new AppError(
      'IM_NO_LOGIN',
      'Keine Portokasse-Anmeldung hinterlegt. Bitte unter Einstellungen → Portokasse E-Mail und Passwort eingeben ' +
        '(Kommandozeile: PORTODESK_IM_USER und PORTODESK_IM_PASSWORD setzen).',
    );
  }
  return { ...app, ...login };
}
