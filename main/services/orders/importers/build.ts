import { ZodError } from 'zod';
import { OrderDraft, type OrderDraftInput } from '../../../../shared/domain/order';
import type { Address } from '../../../../shared/domain/address';
import { parseAddress, UnknownCountryError, type RawAddress } from '../../../../shared/address/parse';
import { parseAmountCents } from '../../../../shared/orders/money';
import { parseDateUtc, type DateOrder } from '../../../../shared/orders/dates';
import type { ImportRejection } from '../../../../shared/orders/import-report';
import { RowError, type ParsedOrder, type ParseResult } from './types';

/** Shared steps of every importer: amounts, dates, quantities, addresses, and the final check. */

export function cents(raw: string, field: string, opts: { required?: boolean } = {}): number {
  if (!raw.trim()) {
    if (opts.required) throw new RowError(field, 'Betrag fehlt');
    return 0;
  }
  const c = parseAmountCents(raw);
  if (c === null) throw new RowError(field, `„${raw}“ ist kein Betrag`);
  return c;
}

export function date(raw: string, field: string, order: DateOrder = 'dmy', required = true): string | null {
  if (!raw.trim()) {
    if (required) throw new RowError(field, 'Datum fehlt');
    return null;
  }
  const d = parseDateUtc(raw, order);
  if (!d) throw new RowError(field, `„${raw}“ ist kein lesbares Datum`);
  return d;
}

export function quantity(raw: string, field: string): number {
  const s = raw.trim() || '1';
  if (!/^\d{1,6}$/.test(s) || Number(s) < 1) throw new RowError(field, `„${raw}“ ist keine Stückzahl (ganze Zahl ab 1)`);
  return Number(s);
}

export function address(raw: RawAddress, countryField: string): Address {
  try {
    return parseAddress(raw);
  } catch (e) {
    if (e instanceof UnknownCountryError) throw new RowError(countryField, raw.country.trim() ? `Unbekanntes Land „${raw.country}“` : 'Land fehlt');
    throw e;
  }
}

/** Validates a draft; a schema problem becomes a RowError naming the field. */
export function draft(input: OrderDraftInput): OrderDraft {
  try {
    return OrderDraft.parse(input);
  } catch (e) {
    if (e instanceof ZodError) {
      const i = e.issues[0]!;
      throw new RowError(i.path.join('.') || 'Auftrag', i.message);
    }
    throw e;
  }
}

/** Runs `fn` for one order; a RowError or bad value becomes a rejection for the order's first line. */
export function collect(file: string, result: ParseResult, line: number, fn: () => ParsedOrder | ParsedOrder[] | null): void {
  try {
    const r = fn();
    if (Array.isArray(r)) result.orders.push(...r);
    else if (r) result.orders.push(r);
  } catch (e) {
    result.rejections.push(rejection(file, line, e));
  }
}

export function rejection(file: string, line: number, e: unknown): ImportRejection {
  if (e instanceof RowError) return { file, line, field: e.field, message: e.message };
  return { file, line, field: '', message: e instanceof Error ? e.message : String(e) };
}

export const emptyResult = (): ParseResult => ({ orders: [], patches: [], rejections: [] });

/** Gross unit price from a line total (Amazon/SP-API give price × quantity). */
export const unitFromTotal = (totalCents: number, qty: number) => Math.round(totalCents / qty);
