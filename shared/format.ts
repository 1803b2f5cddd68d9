/** German formats for money, numbers and dates (1.234,56 €, 23.11.2026), with English as the second locale. */
export type UiLocale = 'de' | 'en';
const tag = (l: UiLocale) => (l === 'de' ? 'de-DE' : 'en-GB');

export function formatCents(cents: number, currency = 'EUR', locale: UiLocale = 'de'): string {
  return new Intl.NumberFormat(tag(locale), { style: 'currency', currency }).format(cents / 100);
}

/** 2026-11-23T10:00:00Z → 23.11.2026, as the calendar day in Europe/Berlin. */
export function formatDate(iso: string, locale: UiLocale = 'de'): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: UiLocale = 'de'): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) in Europe/Berlin of a UTC instant. */
// Building an Intl.DateTimeFormat costs about half a millisecond; berlinDay runs several times per invoice.
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

export function berlinDay(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return BERLIN_DAY.format(d);
}

/** The calendar month (YYYY-MM) in Europe/Berlin of a UTC instant: fees and exports count by it. */
export function berlinMonth(iso: string | Date): string {
  return berlinDay(iso).slice(0, 7);
}
