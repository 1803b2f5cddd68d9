import { AppError } from '../../../shared/errors';
import type { HttpResponse } from '../../ports/http';

/**
 * Internetmarke answers errors in several shapes (reference §1.6): v1.30 {statusCode:"400", title,
 * detail}, ≤ v1.27 {status:400, title, detail}, the live service {statusCode, title, description,
 * instance:"PCF-A1031"}, and plain text. All of them become one ImApiError with a German message.
 */
export type ImErrorBody = { statusCode?: string; status?: number; title?: string; detail?: string; description?: string; instance?: string };

export class ImApiError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly instance: string,
  ) {
    super(code, message, { status, title, detail, instance });
    this.name = 'AppError';
  }
}

export const NOT_APPROVED_HELP =
  'Die Portokasse hat Portodesk noch nicht freigegeben. So geben Sie die Anwendung frei: ' +
  '1. Melden Sie sich auf portokasse.deutschepost.de an. 2. Öffnen Sie „Meine Daten“ → „Geschäftsanwendungen“. ' +
  '3. Bestätigen Sie die Freigabe-Anfrage (Deutsche Post hat dazu eine E-Mail „Es liegt eine neue Freigabe-Anfrage für Sie vor“ geschickt). ' +
  'Melden Sie sich danach hier erneut an.';

/**
 * The missing Portokasse approval (title genericUserAuthenticationError, detail "application is not
 * authorized by user"). The generic 401 text of v1.30 lists that phrase among other causes
 * ("…token is not valid or the application is not authorized by user."), so it alone proves nothing.
 */
export function isNotApproved(title: string, detail: string): boolean {
  if (!/application is not authorized by user/i.test(detail)) return false;
  return title === 'genericUserAuthenticationError' || !/token is not valid or the application/i.test(detail);
}

export function parseImError(res: HttpResponse, what: string): ImApiError {
  let body: ImErrorBody = {};
  const text = res.text();
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') body = parsed as ImErrorBody;
  } catch {
    body = { detail: text.slice(0, 300) };
  }
  const title = body.title ?? '';
  const detail = body.detail ?? body.description ?? '';
  const instance = body.instance ?? '';
  const status = res.status;
  const raw = [title, detail, instance].filter(Boolean).join(' – ');
  const t = title.toLowerCase();
  const mk = (code: string, msg: string) => new ImApiError(code, msg, status, title, detail, instance);

  if (status === 401 && isNotApproved(title, detail)) return mk('IM_NOT_APPROVED', NOT_APPROVED_HELP);
  if (status === 401) {
    return mk(
      'IM_UNAUTHORIZED',
      `${what}: Die Portokasse hat die Anmeldung abgelehnt (E-Mail oder Passwort falsch, Konto gesperrt oder Anmeldung abgelaufen). Antwort: ${raw || 'Unauthorized'}`,
    );
  }
  if (status === 403) return mk('IM_FORBIDDEN', `${what}: Die Portokasse erlaubt diese Aktion nicht (fehlende Rechte). ${raw}`);
  if (status === 429) return mk('IM_RATE_LIMIT', `${what}: Zu viele Anfragen an die Deutsche Post. Bitte in einigen Minuten erneut versuchen.`);
  if (status >= 500) return mk('IM_SERVER', `${what}: Deutsche Post meldet einen Serverfehler (${status}). ${raw}`);
  if (t === 'walletbalancenotenough') {
    return mk('IM_BALANCE_TOO_LOW', `${what}: Das Guthaben der Portokasse reicht nicht. Bitte laden Sie die Portokasse auf (${detail}).`);
  }
  if (t === 'invalidshoporderid' && /duplicated/i.test(detail)) return mk('IM_DUPLICATE_ORDER', `${what}: Dieser Warenkorb wurde bereits bezahlt (${detail}).`);
  if (t === 'invalidtotalamount') return mk('IM_PRICE_MISMATCH', `${what}: Der Gesamtpreis stimmt nicht mit der Preisliste der Deutschen Post überein. ${detail}`);
  if (t === 'invalidproductcode') return mk('IM_PRODUCT', `${what}: Unbekanntes Produkt. ${detail}`);
  if (t === 'invalidpageformat') return mk('IM_PAGE_FORMAT', `${what}: Unbekanntes Seitenformat. ${detail}`);
  if (t === 'quotaexceeded') return mk('IM_QUOTA', `${what}: Das Auflade-Limit der Portokasse ist erreicht. Neue Portokassen dürfen nur begrenzt aufgeladen werden.`);
  if (t === 'forbiddenpaymentmethod') return mk('IM_PAYMENT_METHOD', `${what}: Die in der Portokasse hinterlegte Zahlungsart erlaubt kein Aufladen über die Schnittstelle.`);
  if (status === 404) return mk('IM_NOT_FOUND', `${what}: nicht gefunden. ${raw}`);
  return mk('IM_REJECTED', `${what}: Deutsche Post hat die Anfrage abgelehnt (${status}). ${raw}`);
}
