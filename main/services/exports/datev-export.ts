import iconv from 'iconv-lite';
import type { Db } from '../../db/types';
import type { InvoiceSnapshot } from '../../../shared/domain/invoice';
import { AppError } from '../../../shared/errors';
import { BookingError, bookingsFor } from '../../../shared/datev/bookings';
import { buildExtf, extfFileName, fiscalYearStartFor, type Booking } from '../../../shared/datev/extf';
import { checkExtf, type DatevCheck } from '../../../shared/datev/check';
import { debtorAccountFor } from '../../db/repos/exports';
import type { ExportSettingsValues } from './settings';
import type { Period } from './period';

export type DatevFile = { fileName: string; bytes: Uint8Array; text: string; bookings: Booking[]; check: DatevCheck; grossCents: number };

/**
 * The EXTF Buchungsstapel of the given invoices for one period inside one fiscal year, checked by the
 * app's own checker before anyone sees it. Writes debtor numbers of new business buyers, so call it
 * inside the export's transaction.
 */
export function buildDatevFile(db: Db, snapshots: InvoiceSnapshot[], st: ExportSettingsValues, period: Period, createdAt: Date): DatevFile {
  if (st.consultantNumber < 1001) {
    throw new AppError('DATEV_SETTINGS', 'DATEV-Beraternummer fehlt (1001–9999999): unter Einstellungen → Export eintragen (Ihr Steuerbüro nennt sie).');
  }
  if (st.clientNumber < 1) {
    throw new AppError('DATEV_SETTINGS', 'DATEV-Mandantennummer fehlt (1–99999): unter Einstellungen → Export eintragen.');
  }
  const fyStart = fiscalYearStartFor(period.from, st.fiscalYearStartMonth);
  if (fiscalYearStartFor(period.to, st.fiscalYearStartMonth) !== fyStart) {
    throw new AppError('DATEV_PERIOD', `Der Zeitraum ${period.from} bis ${period.to} reicht über das Wirtschaftsjahr (Beginn ${fyStart}) hinaus. DATEV braucht je Wirtschaftsjahr eine eigene Datei.`);
  }
  const nowIso = createdAt.toISOString();
  const bookings: Booking[] = [];
  let grossCents = 0;
  for (const s of snapshots) {
    if (s.issueDate < period.from || s.issueDate > period.to) {
      throw new AppError('DATEV_PERIOD', `Rechnung ${s.number} vom ${s.issueDate} liegt nicht im Zeitraum ${period.from} bis ${period.to}.`);
    }
    const vatId = s.buyer.vatId.replace(/\s+/g, '').toUpperCase();
    const debtor = vatId
      ? debtorAccountFor(db, vatId, s.buyer.address.company || s.buyer.address.name, st.firstB2bDebtor, nowIso)
      : st.collectiveDebtor;
    try {
      bookings.push(...bookingsFor(s, { chart: st.chart, debtor: String(debtor), ossBuKey: st.ossBuKey, accounts: st.accounts }));
    } catch (e) {
      if (e instanceof BookingError) throw new AppError('DATEV_UNSUPPORTED', e.message);
      throw e;
    }
    grossCents += s.totals.grossCents;
  }
  const [y, m] = period.from.split('-');
  const text = buildExtf(
    {
      consultantNumber: st.consultantNumber, clientNumber: st.clientNumber, fiscalYearStart: fyStart, from: period.from, to: period.to,
      chart: st.chart, createdAt, label: period.from.slice(0, 7) === period.to.slice(0, 7) ? `Rechnungen ${m}/${y}` : `Rechnungen ${period.from}–${period.to}`,
    },
    bookings,
  );
  const check = checkExtf(text);
  if (!check.ok) {
    const first = check.problems.slice(0, 5).map((p) => `Zeile ${p.line}, ${p.field}: ${p.message}`).join('; ');
    throw new AppError('DATEV_CHECK_FAILED', `Die DATEV-Datei hat die Prüfung nicht bestanden (${check.problems.length} Fehler): ${first}`, check.problems);
  }
  // The file must add up to the invoices: debit minus credit equals the sum of the gross amounts.
  if (check.sollCents - check.habenCents !== grossCents) {
    throw new AppError('DATEV_CHECK_FAILED', `Summenabgleich fehlgeschlagen: Buchungen ${check.sollCents - check.habenCents} ct, Rechnungen ${grossCents} ct.`);
  }
  // DATEV's import default is Windows-1252 (has €, unlike ISO-8859-1); characters outside it become '?'.
  const bytes = new Uint8Array(iconv.encode(text, 'win1252'));
  return { fileName: extfFileName(period.from, period.to), bytes, text, bookings, check, grossCents };
}
