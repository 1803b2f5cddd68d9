import { AppError } from '../../../shared/errors';

export type Period = { from: string; to: string };

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export function parsePeriod(from: string, to: string): Period {
  if (!isDay(from)) throw new AppError('VALIDATION', `„von“: Datum im Format JJJJ-MM-TT erwartet, nicht „${from}“.`);
  if (!isDay(to)) throw new AppError('VALIDATION', `„bis“: Datum im Format JJJJ-MM-TT erwartet, nicht „${to}“.`);
  if (from > to) throw new AppError('VALIDATION', `Der Zeitraum ist leer: ${from} liegt nach ${to}.`);
  return { from, to };
}

/** 'YYYY-MM' → first and last calendar day. */
export function monthPeriod(month: string): Period {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new AppError('VALIDATION', `Monat im Format JJJJ-MM erwartet, nicht „${month}“.`);
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Offset of Europe/Berlin from UTC at an instant, in minutes (60 or 120). */
function berlinOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const g = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wall = Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'));
  return Math.round((wall - utcMs) / 60_000);
}

/** The UTC instant at which a Europe/Berlin calendar day starts (months and periods are Berlin days). */
export function berlinDayStartUtc(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const off = berlinOffsetMinutes(midnightUtc - 2 * 3_600_000);
  return new Date(midnightUtc - off * 60_000).toISOString();
}
