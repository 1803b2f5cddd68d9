import { z } from 'zod';
import type { SettingsService } from '../settings/settings-service';
import type { Chart } from '../../../shared/datev/accounts';
import { BOOKING_CASES, DEFAULT_OSS_BU_KEY, REVENUE_RANGE, type BookingCase } from '../../../shared/datev/accounts';
import { AppError } from '../../../shared/errors';

export const EXPORT_SETTING_KEYS = {
  consultant: 'exports.datev.consultantNumber',
  client: 'exports.datev.clientNumber',
  chart: 'exports.datev.chart',
  fiscalYearStartMonth: 'exports.datev.fiscalYearStartMonth',
  collectiveDebtor: 'exports.datev.collectiveDebtor',
  firstB2bDebtor: 'exports.datev.firstB2bDebtor',
  ossBuKey: 'exports.datev.ossBuKey',
  einvoiceEnabled: 'exports.einvoice.enabled',
} as const;

export type ExportSettingsValues = {
  consultantNumber: number;
  clientNumber: number;
  chart: Chart;
  fiscalYearStartMonth: number;
  collectiveDebtor: number;
  firstB2bDebtor: number;
  ossBuKey: string;
  einvoiceEnabled: boolean;
  /** Own revenue accounts per booking case ('' = SKR default). */
  accounts: Record<BookingCase, string>;
};

const accountKey = (c: BookingCase) => `exports.datev.account.${c}`;

export function registerExportSettings(s: SettingsService): void {
  const K = EXPORT_SETTING_KEYS;
  s.register(K.consultant, z.number().int().min(0).max(9_999_999), 0, 'DATEV-Beraternummer (1001–9999999)');
  s.register(K.client, z.number().int().min(0).max(99_999), 0, 'DATEV-Mandantennummer (1–99999)');
  s.register(K.chart, z.enum(['SKR03', 'SKR04']), 'SKR03', 'Kontenrahmen: SKR03 oder SKR04');
  s.register(K.fiscalYearStartMonth, z.number().int().min(1).max(12), 1, 'Erster Monat des Wirtschaftsjahres (1–12)');
  s.register(K.collectiveDebtor, z.number().int().min(10000).max(69999), 10000, 'Sammeldebitor für Privatkunden (10000–69999)');
  s.register(K.firstB2bDebtor, z.number().int().min(10000).max(69999), 10100, 'Erstes Debitorenkonto für Geschäftskunden mit USt-IdNr.');
  s.register(K.ossBuKey, z.string().regex(/^\d{0,4}$/), DEFAULT_OSS_BU_KEY, 'BU-Schlüssel für OSS-Fernverkäufe (Standard 240)');
  s.register(K.einvoiceEnabled, z.boolean(), false, 'E-Rechnung (ZUGFeRD/XRechnung) automatisch zu jeder Rechnung erzeugen');
  for (const c of BOOKING_CASES) s.register(accountKey(c), z.string().regex(/^(\d{4})?$/, 'vierstelliges Sachkonto oder leer'), '', `Eigenes Erlöskonto für ${c} (leer = SKR-Standard)`);
}

export function readExportSettings(s: SettingsService): ExportSettingsValues {
  const K = EXPORT_SETTING_KEYS;
  return {
    consultantNumber: s.get(K.consultant) as number,
    clientNumber: s.get(K.client) as number,
    chart: s.get(K.chart) as Chart,
    fiscalYearStartMonth: s.get(K.fiscalYearStartMonth) as number,
    collectiveDebtor: s.get(K.collectiveDebtor) as number,
    firstB2bDebtor: s.get(K.firstB2bDebtor) as number,
    ossBuKey: s.get(K.ossBuKey) as string,
    einvoiceEnabled: s.get(K.einvoiceEnabled) as boolean,
    accounts: Object.fromEntries(BOOKING_CASES.map((c) => [c, s.get(accountKey(c)) as string])) as Record<BookingCase, string>,
  };
}

const FIELD_KEYS: Record<Exclude<keyof ExportSettingsValues, 'accounts'>, string> = {
  consultantNumber: EXPORT_SETTING_KEYS.consultant,
  clientNumber: EXPORT_SETTING_KEYS.client,
  chart: EXPORT_SETTING_KEYS.chart,
  fiscalYearStartMonth: EXPORT_SETTING_KEYS.fiscalYearStartMonth,
  collectiveDebtor: EXPORT_SETTING_KEYS.collectiveDebtor,
  firstB2bDebtor: EXPORT_SETTING_KEYS.firstB2bDebtor,
  ossBuKey: EXPORT_SETTING_KEYS.ossBuKey,
  einvoiceEnabled: EXPORT_SETTING_KEYS.einvoiceEnabled,
};

export function saveExportSettings(s: SettingsService, v: ExportSettingsValues): ExportSettingsValues {
  const [min, max] = REVENUE_RANGE[v.chart];
  for (const c of BOOKING_CASES) {
    const a = v.accounts[c] ?? '';
    if (a && (Number(a) < min || Number(a) > max)) {
      throw new AppError('VALIDATION', `Erlöskonto ${a} (${c}) liegt nicht im Erlösbereich ${min}–${max} des ${v.chart}.`);
    }
  }
  for (const [field, key] of Object.entries(FIELD_KEYS)) s.set(key, v[field as keyof typeof FIELD_KEYS]);
  for (const c of BOOKING_CASES) s.set(accountKey(c), v.accounts[c] ?? '');
  return readExportSettings(s);
}
