import { z } from 'zod';
import type { AppCore } from '../../app/core';
import { validatePattern } from './numbering';
import type { OssMode } from '../../../shared/tax/tax-case';
import type { LetterForm } from './pdf/letter';

export const DEFAULT_INVOICE_PATTERN = 'RE-{YYYY}-{NNNNN}';
export const DEFAULT_DELIVERY_NOTE_PATTERN = 'LS-{YYYY}-{NNNNN}';

const pattern = z.string().trim().refine((p) => validatePattern(p) === null, { message: 'Ungültiges Nummernmuster, z. B. RE-{YYYY}-{NNNNN}' });

/** Parses "AT=10, FR=5,5" into { AT: 10, FR: 5.5 }; null when malformed. */
export function parseRateMap(s: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  const re = /([A-Za-z]{2})\s*=\s*(\d+(?:[.,]\d+)?)/g;
  if (s.replace(re, '').replace(/[\s,;]/g, '') !== '') return null;
  for (const m of s.matchAll(re)) out[m[1]!.toUpperCase()] = Number(m[2]!.replace(',', '.'));
  return out;
}

export const SETTING_KEYS = {
  numberPattern: 'documents.numberPattern',
  deliveryNotePattern: 'documents.deliveryNotePattern',
  letterForm: 'documents.letterForm',
  deliveryNotePrices: 'documents.deliveryNotePrices',
  ossMode: 'documents.ossMode',
  ossExternalSalesCents: 'documents.ossExternalSalesCents',
  ossReducedRates: 'documents.ossReducedRates',
  defaultVatRate: 'documents.defaultVatRate',
} as const;

export function registerDocumentSettings(core: AppCore): void {
  const s = core.settings;
  s.register(SETTING_KEYS.numberPattern, pattern, DEFAULT_INVOICE_PATTERN, 'Nummernmuster für Rechnungen und Stornorechnungen');
  s.register(SETTING_KEYS.deliveryNotePattern, pattern, DEFAULT_DELIVERY_NOTE_PATTERN, 'Nummernmuster für Lieferscheine');
  s.register(SETTING_KEYS.letterForm, z.enum(['A', 'B']), 'B', 'Briefbogen nach DIN 5008: Form A oder B');
  s.register(SETTING_KEYS.deliveryNotePrices, z.boolean(), false, 'Preise auf Lieferscheinen zeigen');
  s.register(SETTING_KEYS.ossMode, z.enum(['auto', 'always', 'off']), 'auto', 'OSS: auto (ab Lieferschwelle), always (Verzicht auf Schwelle), off');
  s.register(SETTING_KEYS.ossExternalSalesCents, z.number().int().nonnegative(), 0, 'EU-Fernverkäufe außerhalb Portodesk im laufenden Jahr, netto in Cent');
  s.register(
    SETTING_KEYS.ossReducedRates,
    z.string().refine((v) => parseRateMap(v) !== null, { message: 'Format: AT=10, FR=5.5' }),
    '',
    'OSS: ermäßigter Satz je Bestimmungsland für Waren mit 7 %, z. B. AT=10, FR=5.5',
  );
  s.register(SETTING_KEYS.defaultVatRate, z.union([z.literal(19), z.literal(7)]), 19, 'Standard-Steuersatz für Positionen ohne Angabe (19 oder 7)');
}

export type DocumentSettings = {
  numberPattern: string;
  deliveryNotePattern: string;
  letterForm: LetterForm;
  deliveryNotePrices: boolean;
  ossMode: OssMode;
  ossExternalSalesCents: number;
  ossReducedRates: Record<string, number>;
  defaultVatRate: number;
};

export function readDocumentSettings(core: AppCore): DocumentSettings {
  const g = (k: string) => core.settings.get(k);
  return {
    numberPattern: String(g(SETTING_KEYS.numberPattern)),
    deliveryNotePattern: String(g(SETTING_KEYS.deliveryNotePattern)),
    letterForm: g(SETTING_KEYS.letterForm) as LetterForm,
    deliveryNotePrices: g(SETTING_KEYS.deliveryNotePrices) === true,
    ossMode: g(SETTING_KEYS.ossMode) as OssMode,
    ossExternalSalesCents: Number(g(SETTING_KEYS.ossExternalSalesCents)),
    ossReducedRates: parseRateMap(String(g(SETTING_KEYS.ossReducedRates))) ?? {},
    defaultVatRate: Number(g(SETTING_KEYS.defaultVatRate)),
  };
}
