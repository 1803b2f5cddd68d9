import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPortodesk } from '../harness/cli';
import { tempDir } from '../harness/test-app';
import { fixture, sample } from './helpers';

// Each spawn compiles the CLI with tsx (seconds on a busy machine): generous time limits.
describe('portodesk import / orders (real CLI)', () => {
  it('imports with counts and reasons, twice without duplicates, lists, shows, ships, writes the tracking file', () => {
    const dir = tempDir();
    const first = runPortodesk(['--data', dir, 'import', fixture('ebay-de-bestellungen.csv'), sample('shopify-rest-order.json'), '--json']);
    expect(first.code).toBe(0);
    const rep = first.json();
    expect(rep).toMatchObject({ new: 8, updated: 0, unchanged: 0, rejected: 1 });
    expect(rep.files[0].rejections[0]).toMatchObject({ line: 10, field: 'Verkauft für' });

    const text = runPortodesk(['--data', dir, 'import', fixture('ebay-de-bestellungen.csv')]);
    expect(text.stdout).toContain('ebay-de-bestellungen.csv, Zeile 10, Feld „Verkauft für“: „zwölf Euro“ ist kein Betrag');
    expect(text.stdout).toContain('Gesamt: 0 neu, 0 aktualisiert, 7 unverändert, 1 abgelehnt');

    const list = runPortodesk(['--data', dir, 'orders', 'list', '--status', 'new', '--search', 'berlin', '--limit', '5', '--json']).json();
    expect(list.total).toBe(2);
    expect(list.rows.map((r: { externalId: string }) => r.externalId).sort()).toEqual(['05-13874-66021', '06-13875-11402']);
    const human = runPortodesk(['--data', dir, 'orders', 'list', '--limit', '3']);
    expect(human.stdout).toMatch(/3 von 8 Aufträgen/);
    expect(human.stdout).toMatch(/neu|versendet/);

    const id = list.rows.find((r: { externalId: string }) => r.externalId === '05-13874-66021').id;
    const shown = runPortodesk(['--data', dir, 'orders', 'show', String(id), '--json']).json();
    expect(shown.order).toMatchObject({ externalId: '05-13874-66021', totalCents: 3093, shipTo: { street: 'Hauptstr.', houseNumber: '5a' } });
    expect(shown.history[0]).toMatchObject({ action: 'import' });

    const ship = runPortodesk(['--data', dir, 'orders', 'ship', String(id), '--tracking', '00340434161234567899', '--carrier', 'DHL']);
    expect(ship.code).toBe(0);
    expect(ship.stdout).toContain('1 als versendet markiert');
    const out = join(dir, 'ebay-upload.csv');
    const tr = runPortodesk(['--data', dir, 'orders', 'tracking', 'ebay', '--out', out, '--json']);
    expect(tr.json()).toEqual({ file: out, count: 2 });
    expect(readFileSync(out, 'utf8')).toContain('Status,05-13874-66021,1,DHL,00340434161234567899');
  }, 240_000);

  it('bad usage and bad input: clear German messages, exit codes 2 and 1', () => {
    const dir = tempDir();
    const none = runPortodesk(['--data', dir, 'import']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/mindestens eine Datei/);
    const missing = runPortodesk(['--data', dir, 'import', '/nicht/da.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Datei nicht lesbar: \/nicht\/da\.csv/);
    const unknown = runPortodesk(['--data', dir, 'import', fixture('markt-export.csv')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/keine bekannte Bestelldatei/);
    const fmt = runPortodesk(['--data', dir, 'import', fixture('markt-export.csv'), '--format', 'otto']);
    expect(fmt.code).toBe(1);
    expect(fmt.stderr).toMatch(/Unbekanntes Format „otto“/);
    const st = runPortodesk(['--data', dir, 'orders', 'list', '--status', 'unterwegs']);
    expect(st.code).toBe(2);
    expect(st.stderr).toMatch(/unbekannter Status „unterwegs“/);
    const show = runPortodesk(['--data', dir, 'orders', 'show', '999']);
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/Auftrag 999 nicht gefunden/);
    const all = runPortodesk(['--data', dir, 'import', fixture('ebay-de-bestellungen.csv'), '--all-or-nothing', '--json']).json();
    expect(all).toMatchObject({ new: 0, rejected: 1, files: [{ rolledBack: true }] });
  }, 240_000);
});
