import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../harness/test-app';
import { newToken, startInProcessServer } from './server-harness';

type Srv = Awaited<ReturnType<typeof startInProcessServer>>;
let srv: Srv | null = null;
afterEach(async () => {
  await srv?.close();
  srv = null;
});

const details = {
  company: 'Musterhandel', holder: 'Erika Mustermann', iban: 'DE89370400440532013000', bic: '', street: 'Hauptstraße 5a', zip: '10115', city: 'Berlin',
  country: 'DE', mandateReference: 'PD-TEST-0001', mandateDate: '2026-10-01',
};

async function register(s: Srv, installationId: string, token: string, claimedStartAt = '2026-10-01T08:00:00Z') {
  return s.req('POST', '/v1/accounts', null, { installationId, name: 'Erika Mustermann', email: 'erika@example.de', claimedStartAt, token });
}
const events = (prefix: string, n: number, value: number, at: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}:ebay:${value}-${at}-${i}`, orderKey: `ebay:${value}-${at}-${i}`, action: 'invoice', occurredAt: at, goodsValueCents: value }));

function pdfText(buf: Uint8Array): string {
  const file = join(tempDir(), 'inv.pdf');
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('billing service', () => {
  it('registers idempotently, keeps only a hash of the token, and refuses a second token for the installation', async () => {
    const dir = tempDir();
    srv = await startInProcessServer(dir);
    const token = newToken();
    const first = await register(srv, 'inst-aaaaaaaa', token);
    expect(first.status).toBe(201);
    // the service's clock wins: a claimed start in the future is not accepted
    const future = await register(srv, 'inst-bbbbbbbb', newToken(), '2027-05-01T00:00:00Z');
    expect(future.json().trialStartedAt).toBe('2026-11-23T09:00:00.000Z');
    expect(future.json().trialEndsAt).toBe('2026-12-23T09:00:00.000Z');
    const again = await register(srv, 'inst-aaaaaaaa', token);
    expect(again.status).toBe(200);
    expect(again.json().accountId).toBe(first.json().accountId);
    expect(first.json().trialEndsAt).toBe('2026-10-31T08:00:00.000Z');
    const other = await register(srv, 'inst-aaaaaaaa', newToken());
    expect(other.status).toBe(409);
    const raw = new Database(join(dir, 'billing.db'), { readonly: true });
    const dump = JSON.stringify(raw.prepare('SELECT * FROM accounts').all());
    raw.close();
    expect(dump).not.toContain(token);
    expect((await srv.req('GET', '/v1/account', null)).status).toBe(401);
    expect((await srv.req('GET', '/v1/account', 'wrong-token')).status).toBe(401);
  });

  it('ingests usage idempotently and keeps accounts apart', async () => {
    srv = await startInProcessServer(tempDir());
    const ta = newToken();
    const tb = newToken();
    await register(srv, 'inst-aaaaaaaa', ta);
    await register(srv, 'inst-bbbbbbbb', tb);
    const batch = events('a', 30, 1000, '2026-11-10T10:00:00.000Z');
    expect((await srv.req('POST', '/v1/usage', ta, { events: batch })).json()).toMatchObject({ accepted: 30, duplicates: 0 });
    expect((await srv.req('POST', '/v1/usage', ta, { events: batch })).json()).toMatchObject({ accepted: 0, duplicates: 30 });
    // the same order reported under another key (e.g. after a reinstall) is still charged once
    const rekeyed = batch.slice(0, 5).map((e) => ({ ...e, id: `other-install:${e.orderKey}` }));
    expect((await srv.req('POST', '/v1/usage', ta, { events: rekeyed })).json()).toMatchObject({ accepted: 0, duplicates: 5 });
    // account B sending A's keys does not touch A, and counts for B alone
    expect((await srv.req('POST', '/v1/usage', tb, { events: batch.slice(0, 3) })).json()).toMatchObject({ accepted: 3 });
    expect((await srv.req('GET', '/v1/fees/2026-11', ta)).json()).toMatchObject({ orders: 30, netCents: 240 });
    expect((await srv.req('GET', '/v1/fees/2026-11', tb)).json()).toMatchObject({ orders: 3, netCents: 24 });
    expect((await srv.req('GET', '/v1/fees/2026-13', ta)).status).toBe(400);
    const bad = await srv.req('POST', '/v1/usage', ta, { events: [{ ...batch[0], goodsValueCents: -5 }] });
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toMatch(/events\.0\.goodsValueCents/);
  });

  it('carries 4,20 € over, then issues the right fee invoice PDF; other accounts cannot read it', async () => {
    srv = await startInProcessServer(tempDir(), '2026-11-05T09:00:00Z');
    const ta = newToken();
    const tb = newToken();
    await register(srv, 'inst-aaaaaaaa', ta, '2026-09-01T08:00:00Z'); // trial ended 1 October
    await register(srv, 'inst-bbbbbbbb', tb);
    await srv.req('PUT', '/v1/account/billing-details', ta, details);
    // October: 30 middle (1,20 €) + 30 high (2,40 €) + 10 free + 4 trial-free orders on 30 September… = 3,60 € ≤ 4,20 € → carried
    await srv.req('POST', '/v1/usage', ta, {
      events: [...events('a', 30, 500, '2026-10-10T10:00:00.000Z'), ...events('a', 30, 900, '2026-10-11T10:00:00.000Z'), ...events('a', 10, 300, '2026-10-12T10:00:00.000Z')],
    });
    let inv = (await srv.req('GET', '/v1/invoices', ta)).json();
    expect(inv.invoices).toEqual([]);
    expect(inv.openCents).toBe(360);
    // November: 500 high orders → capped at 34,00 €
    await srv.req('POST', '/v1/usage', ta, { events: events('a', 500, 1500, '2026-11-20T10:00:00.000Z') });
    expect((await srv.req('GET', '/v1/invoices', ta)).json().invoices).toEqual([]); // November not over yet
    srv.setNow('2026-12-01T07:00:00Z'); // 08:00 in Berlin on 1 December
    inv = (await srv.req('GET', '/v1/invoices', ta)).json();
    expect(inv.invoices).toHaveLength(1);
    const i = inv.invoices[0];
    expect(i).toMatchObject({ number: 'PDG-2026-00001', invoiceDay: '2026-12-01', dueDay: '2026-12-15', periodFrom: '2026-10', periodTo: '2026-11', netCents: 3760, vatCents: 714, grossCents: 4474, orders: 570 });
    // closing again issues nothing new
    expect((await srv.req('GET', '/v1/invoices', ta)).json().invoices).toHaveLength(1);

    const pdf = await srv.req('GET', `/v1/invoices/${i.number}/pdf`, ta);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.buf);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['Gebührenrechnung', 'PDG-2026-00001', '01.12.2026', 'Oktober 2026 bis November 2026', '37,60 €', 'Umsatzsteuer 19 %', '7,14 €', '44,74 €', '15.12.2026', 'SEPA-Lastschrift', 'PD-TEST-0001', 'DE89 3704 0044 0532 0130 00', 'Musterhandel', 'erteilt am 01.10.2026']) {
      expect(flat).toContain(s);
    }
    expect(text).not.toMatch(/November 2026\s+Warenwert bis 3,00 €/); // tiers without orders are left out
    expect(text).toMatch(/Oktober 2026\s+Warenwert über 3,00 € bis 7,00 €\s+30\s+0,04 €\s+1,20 €/);
    expect(text).toMatch(/Oktober 2026\s+Warenwert über 7,00 €\s+30\s+0,08 €\s+2,40 €/);
    expect(text).toMatch(/November 2026\s+Warenwert über 7,00 €\s+500\s+0,08 €\s+40,00 €/);
    expect(text).toMatch(/Monatsdeckel 34,00 € \(Abzug\)\s+−6,00 €/);
    // the PDF is kept: a second download is byte-identical
    expect(Buffer.from((await srv.req('GET', `/v1/invoices/${i.number}/pdf`, ta)).buf).equals(Buffer.from(pdf.buf))).toBe(true);
    // account B cannot see or download A's invoice
    expect((await srv.req('GET', '/v1/invoices', tb)).json().invoices).toEqual([]);
    expect((await srv.req('GET', `/v1/invoices/${i.number}/pdf`, tb)).status).toBe(404);

    // Late events of November (an app that was offline) are billed by the difference next time.
    await srv.req('POST', '/v1/usage', ta, { events: events('late', 100, 500, '2026-11-29T10:00:00.000Z') });
    srv.setNow('2027-01-01T09:00:00Z');
    await srv.req('POST', '/v1/usage', ta, { events: events('a', 60, 800, '2026-12-03T10:00:00.000Z') }); // 4,80 €
    inv = (await srv.req('GET', '/v1/invoices', ta)).json();
    expect(inv.invoices.map((x: { number: string; netCents: number }) => [x.number, x.netCents])).toEqual([
      ['PDG-2027-00001', 480], // November was already at the cap: the late orders add nothing
      ['PDG-2026-00001', 3760],
    ]);
  });
});
