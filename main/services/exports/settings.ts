import { z } from 'zod';
import type { SettingsService } from '../settings/settings-service';
import type { Chart } from '../../../shared/datev/accounts';
import { DEFAULT_OSS_BU_KEY } from '../../../shared/datev/accounts';

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
};

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
  };
}

const FIELD_KEYS: Record<keyof ExportSettingsValues, string> = {
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
  for (const [field, key] of Object.entries(FIELD_KEYS)) s.set(key, v[field as keyof ExportSettingsValues]);
  return readExportSettings(s);
}
