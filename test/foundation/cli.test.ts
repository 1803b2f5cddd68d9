import { describe, expect, it } from 'vitest';
import { runPortodesk } from '../harness/cli';
import { tempDir } from '../harness/test-app';

describe('portodesk CLI', () => {
  it('info --json prints app version, schema version and data folder', () => {
    const dir = tempDir();
    const r = runPortodesk(['--data', dir, 'info', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ schemaVersion: expect.any(Number), dataDir: dir, appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('settings set and get round-trip through the same data folder, PORTODESK_DATA works too', () => {
    const dir = tempDir();
    expect(runPortodesk(['--data', dir, 'settings', 'set', 'company.companyName', 'Kiste & Karton']).code).toBe(0);
    const r = runPortodesk(['settings', 'get', 'company.companyName', '--json'], { env: { PORTODESK_DATA: dir } });
    expect(r.json()).toEqual({ key: 'company.companyName', value: 'Kiste & Karton' });
    const all = runPortodesk(['--data', dir, 'settings', 'get', '--json']).json();
    expect(all['company.companyName']).toBe('Kiste & Karton');
  });

  it('bad input: clear message on stderr and a non-zero exit code', () => {
    const dir = tempDir();
    const bad = runPortodesk(['--data', dir, 'settings', 'set', 'company.iban', 'DE00 0000']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/IBAN ist ungültig/);
    const unknown = runPortodesk(['--data', dir, 'settings', 'set', 'nope', '1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unbekannte Einstellung „nope“/);
    const usage = runPortodesk(['--data', dir, 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unbekannter Befehl/);
  });
});
