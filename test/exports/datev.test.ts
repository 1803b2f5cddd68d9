import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { createTestApp, type TestApp } from '../harness/test-app';
import { buildDatevFile } from '../../main/services/exports/datev-export';
import { checkExtf, splitDatevLine } from '../../shared/datev/check';
import { BUCHUNGSSTAPEL_COLUMNS } from '../../shared/datev/columns';
import type { ExportSettingsValues } from '../../main/services/exports/settings';
import type { InvoiceSnapshot } from '../../shared/domain/invoice';
import { cancellationOf, taxCaseSnapshots } from './snapshots';

let app: TestApp;
beforeAll(() => {
  app = createTestApp();
});
afterAll(async () => {
  await app.cleanup();
});

const settings = (over: Partial<ExportSettingsValues> = {}): ExportSettingsValues => ({
  consultantNumber: 29098, clientNumber: 55003, chart: 'SKR03', fiscalYearStartMonth: 1, collectiveDebtor: 10000,
  firstB2bDebtor: 10100, ossBuKey: '240', einvoiceEnabled: false,
  accounts: { domestic19: '', domestic7: '', kleinunternehmer: '', oss: '', intraEu: '', export: '', reverseCharge: '' }, ...over,
});

/** A month of invoices: every tax case, on different days, plus the cancellation of the first. */
function month(): InvoiceSnapshot[] {
  const snaps = Object.values(taxCaseSnapshots()).map((s, i) => ({
    ...s, number: `RE-2026-${String(i + 1).padStart(4, '0')}`, issueDate: `2026-11-${String(i + 2).padStart(2, '0')}`, deliveryDate: `2026-11-${String(i + 2).padStart(2, '0')}`,
  }));
  return [...snaps, cancellationOf(snaps[0]!, 'RE-2026-0100', '2026-11-28')];
}
const period = { from: '2026-11-01', to: '2026-11-30' };
const created = new Date('2026-12-01T08:30:15.123Z');
const fields = (line: string) => splitDatevLine(line).map((f) => f.value);

describe('DATEV EXTF Buchungsstapel', () => {
  it('writes Windows-1252 with CR LF, header and column line, one line per VAT rate, and adds up to the invoices', () => {
    const snaps = month();
    const f = buildDatevFile(app.db, snaps, settings(), period, created);
    expect(f.fileName).toBe('EXTF_Buchungsstapel_20261101_20261130.csv');
    const text = iconv.decode(Buffer.from(f.bytes), 'win1252');
    expect(text).toBe(f.text);
    // "Straße" and "Erlöskonto" survive as single CP1252 bytes (0xDF, 0xF6), not UTF-8 pairs.
    expect([...f.bytes].includes(0xc3)).toBe(false);
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const h = fields(lines[0]!);
    expect(h).toHaveLength(31);
    expect(h.slice(0, 6)).toEqual(['EXTF', '700', '21', 'Buchungsstapel', '13', '20261201083015123']);
    expect(h[7]).toBe('RE');
    expect(h.slice(10, 16)).toEqual(['29098', '55003', '20260101', '4', '20261101', '20261130']);
    expect(h[16]).toBe('Rechnungen 11/2026');
    expect(h[18]).toBe('1');
    expect(h[21]).toBe('EUR');
    expect(h[26]).toBe('03');
    expect(lines[1]!.split(';')).toEqual(BUCHUNGSSTAPEL_COLUMNS);
    expect(BUCHUNGSSTAPEL_COLUMNS).toHaveLength(125);

    const rows = lines.slice(2).map(fields);
    for (const r of rows) expect(r).toHaveLength(125);
    const expectedRows = snaps.reduce((n, s) => n + s.vatBreakdown.length, 0);
    expect(rows).toHaveLength(expectedRows);

    // Sums: debit minus credit equals the sum of the invoices' gross amounts.
    const signed = rows.reduce((sum, r) => sum + (r[1] === 'S' ? 1 : -1) * Number(r[0]!.replace(',', '')), 0);
    expect(signed).toBe(snaps.reduce((s, x) => s + x.totals.grossCents, 0));

    const byNumber = (n: string) => rows.filter((r) => r[10] === n);
    // Domestic 19 % + 7 %: two lines, same Belegfeld 1, 8400/8300, no BU key on automatic accounts.
    const std = byNumber('RE-2026-0001');
    expect(std.map((r) => r[7]).sort()).toEqual(['8300', '8400']);
    expect(std.every((r) => r[8] === '' && r[6] === '10000' && r[1] === 'S' && r[9] === '0211' && r[2] === 'EUR')).toBe(true);
    const s0 = snaps[0]!;
    const b19 = s0.vatBreakdown.find((b) => b.vatRate === 19)!;
    const amt = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
    expect(std.find((r) => r[7] === '8400')![0]).toBe(amt(b19.netCents + b19.vatCents));
    expect(std[0]![114]).toBe('02112026');
    // Kleinunternehmer → 8195
    expect(byNumber('RE-2026-0002')[0]![7]).toBe('8195');
    // OSS → 8320, BU 240, destination country and rate in fields 40/41
    const oss = byNumber('RE-2026-0003')[0]!;
    expect([oss[7], oss[8], oss[39], oss[40]]).toEqual(['8320', '240', 'AT', '20,00']);
    // Intra-EU supply → 8125 with the buyer's VAT id and an own debtor account
    const ic = byNumber('RE-2026-0004')[0]!;
    expect([ic[7], ic[8], ic[39]]).toEqual(['8125', '', 'ATU12345678']);
    expect(ic[6]).toBe('10100');
    // Reverse charge → 8336, same buyer → same debtor
    const rc = byNumber('RE-2026-0005')[0]!;
    expect([rc[7], rc[6]]).toEqual(['8336', '10100']);
    // Export → 8120
    expect(byNumber('RE-2026-0006')[0]![7]).toBe('8120');
    // Cancellation: H, same revenue accounts, reference in Belegfeld 2
    const st = byNumber('RE-2026-0100');
    expect(st.every((r) => r[1] === 'H' && r[11] === 'RE-2026-0001' && r[9] === '2811')).toBe(true);
    expect(st.map((r) => r[7]).sort()).toEqual(['8300', '8400']);
    expect(f.check).toMatchObject({ ok: true, problems: [] });
  });

  it('uses SKR04 accounts when chosen', () => {
    const f = buildDatevFile(app.db, month(), settings({ chart: 'SKR04' }), period, created);
    const rows = f.text.split('\r\n').slice(2, -1).map(fields);
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(['4400', '4300', '4185', '4320', '4125', '4336', '4120']));
    expect(fields(f.text.split('\r\n')[0]!)[26]).toBe('04');
  });

  it('uses the accountant’s own revenue account where one is set', () => {
    const f = buildDatevFile(app.db, month(), settings({ accounts: { ...settings().accounts, domestic19: '8401', oss: '8321' } }), period, created);
    const accounts = new Set(f.text.split('\r\n').slice(2, -1).map((l) => fields(l)[7]));
    expect(accounts.has('8401') && accounts.has('8321') && accounts.has('8300')).toBe(true);
    expect(accounts.has('8400')).toBe(false);
  });

  it('refuses missing consultant number, a period across fiscal years and foreign currency — in German', () => {
    expect(() => buildDatevFile(app.db, month(), settings({ consultantNumber: 0 }), period, created)).toThrow(/Beraternummer/);
    expect(() => buildDatevFile(app.db, month(), settings({ fiscalYearStartMonth: 7 }), { from: '2026-06-01', to: '2026-07-31' }, created)).toThrow(/Wirtschaftsjahr/);
    const gbp = { ...month()[0]!, currency: 'GBP' };
    expect(() => buildDatevFile(app.db, [gbp], settings(), period, created)).toThrow(/nur EUR/);
  });
});

describe('the DATEV checker', () => {
  const good = () => buildDatevFile(app.db, month(), settings(), period, created).text;
  const problems = (t: string) => checkExtf(t).problems.map((p) => `${p.line}|${p.field}`);

  it('accepts the app file', () => {
    expect(checkExtf(good()).ok).toBe(true);
  });
  it('finds LF-only line ends', () => {
    expect(problems(good().replace(/\r\n/g, '\n'))[0]).toContain('Zeilenende');
  });
  it('finds a wrong header version and a missing consultant number', () => {
    const t = good().replace('"EXTF";700;', '"EXTF";510;').replace(';29098;', ';;');
    expect(problems(t)).toEqual(expect.arrayContaining(['1|Feld 2 Versionsnummer', '1|Feld 11 Beraternummer']));
  });
  it('finds a missing column, a dot decimal, an account outside the ranges and a bad Belegdatum', () => {
    const lines = good().split('\r\n');
    const row = lines[2]!.split(';');
    const shortRow = row.slice(0, 124).join(';');
    const dot = [row[0]!.replace(',', '.'), ...row.slice(1)].join(';');
    const acct = [...row.slice(0, 6), '1400', '4711', ...row.slice(8)].join(';');
    const date = [...row.slice(0, 9), '3102', ...row.slice(10)].join(';');
    const t = [lines[0], lines[1], shortRow, dot, acct, date, ''].join('\r\n');
    const p = problems(t);
    expect(p).toContain('3|Zeile');
    expect(p).toContain('4|Feld 1 Umsatz (ohne Soll/Haben-Kz)');
    expect(p).toContain('5|Feld 7 Konto');
    expect(p).toContain('5|Feld 8 Gegenkonto (ohne BU-Schlüssel)');
    expect(p).toContain('6|Feld 10 Belegdatum');
  });
});
