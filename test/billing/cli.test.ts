import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runPortodesk } from '../harness/cli';
import { createTestApp, tempDir } from '../harness/test-app';
import { FakeClock } from '../fakes/ports';
import { killHard, newToken, spawnServer } from './server-harness';
import { seedUsage, spread } from './usage-seed';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('billing CLI', () => {
  it('register, trial status, billing set, billing sync, fees month, fees invoices with PDF', async () => {
    const dir = tempDir();
    const token = newToken();
    const at = (now: string) => ({ env: { PORTODESK_NOW: now, PORTODESK_SECRET_BILLING_TOKEN: token } });
    const pd = (now: string, ...args: string[]) => runPortodesk(['--data', dir, ...args], at(now));

    let r = pd('2026-09-01T08:00:00Z', 'register', '--name', 'Erika Mustermann', '--email', 'erika@example.de');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Testphase bis 01\.10\.2026 \(noch 30 Tage\)\nNoch nicht beim Abrechnungsdienst angemeldet/);
    expect(pd('2026-09-01T08:00:00Z', 'register', '--name', 'Erika').code).toBe(2);
    expect(pd('2026-09-21T08:00:00Z', 'trial', 'status', '--json').json()).toMatchObject({ registered: true, daysLeft: 10, inTrial: true });
    expect(pd('2026-10-05T08:00:00Z', 'trial', 'status').stdout).toMatch(/Testphase beendet am 01\.10\.2026\. Abrechnungsdaten fehlen/);

    r = pd('2026-10-05T08:00:00Z', 'billing', 'set', '--holder', 'Erika Mustermann', '--iban', 'DE89370400440532013001', '--street', 'Hauptstraße 5a', '--zip', '10115', '--city', 'Berlin');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/VALIDATION.*iban: „DE89370400440532013001“ ist keine gültige IBAN/);
    r = pd('2026-10-05T08:00:00Z', 'billing', 'set', '--iban', 'DE89370400440532013000');
    expect(r.code).toBe(2);
    r = pd('2026-10-05T08:00:00Z', 'billing', 'set', '--holder', 'Erika Mustermann', '--iban', 'DE89 3704 0044 0532 0130 00', '--street', 'Hauptstraße 5a', '--zip', '10115', '--city', 'Berlin', '--company', 'Musterhandel');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Abrechnungsdaten gespeichert: Erika Mustermann, IBAN DE89370400440532013000, Mandat PD-\w+ vom 2026-10-05/);
    expect(pd('2026-10-05T08:00:00Z', 'trial', 'status', '--json').json()).toMatchObject({ billingComplete: true, chargingAllowed: true });

    // November after the trial: 60 orders of 12 € → 4,80 €.
    const app = createTestApp({ dataDir: dir, ports: { clock: new FakeClock('2026-11-30T08:00:00Z') } });
    seedUsage(app, spread(60, '2026-11-02T08:00:00Z', '2026-11-28T08:00:00Z', () => 1200));
    await app.close();
    const month = pd('2026-11-30T08:00:00Z', '--json', 'fees', 'month', '2026-11').json();
    expect(month).toMatchObject({ month: '2026-11', orders: 60, netCents: 480, vatCents: 91, grossCents: 571, unsynced: 60 });
    expect(pd('2026-11-30T08:00:00Z', 'fees', 'month', '2026-13').code).toBe(2);
    r = pd('2026-11-30T08:00:00Z', 'billing', 'sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NOT_CONFIGURED/);

    const srv = await spawnServer(tempDir(), 0, { PORTODESK_SERVER_NOW: '2026-12-02T09:00:00Z' });
    cleanups.push(() => killHard(srv.child));
    r = pd('2026-12-02T09:00:00Z', '--billing-url', srv.url, 'billing', 'sync');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Letzter erfolgreicher Abgleich: 02\.12\.2026, 10:00\nWartende Nutzungsereignisse: 0/);
    const invoices = pd('2026-12-02T09:00:00Z', '--billing-url', srv.url, '--json', 'fees', 'invoices').json();
    expect(invoices).toEqual([
      expect.objectContaining({ number: 'PDG-2026-00001', invoiceDay: '2026-12-02', dueDay: '2026-12-16', periodFrom: '2026-11', periodTo: '2026-11', netCents: 480, vatCents: 91, grossCents: 571, orders: 60 }),
    ]);
    const out = join(tempDir(), 'rechnung.pdf');
    r = pd('2026-12-02T09:00:00Z', '--billing-url', srv.url, 'fees', 'invoices', '--pdf', 'PDG-2026-00001', '--out', out);
    expect(r.stderr).toBe('');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Rechnungsnummer PDG-2026-00001 Rechnungsdatum 02\.12\.2026 Leistungszeitraum November 2026/);
    expect(text).toMatch(/November 2026 Warenwert über 7,00 € 60 0,08 € 4,80 €/);
    expect(text).toMatch(/Summe netto 4,80 € Umsatzsteuer 19 % 0,91 € Gesamtbetrag brutto 5,71 €/);
    expect(text).toContain('Fälligkeit (SEPA-Lastschrift): 16.12.2026');
  }, 180_000);
});
