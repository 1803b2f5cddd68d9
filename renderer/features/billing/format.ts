import type { UiLocale } from '../../../shared/format';

/** 2026-11 → "November 2026" (de) / "November 2026" (en). */
export function formatMonth(month: string, locale: UiLocale, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { month: style, year: style === 'long' ? 'numeric' : '2-digit', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}
