import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { channelNames } from '../../shared/ipc/contract';

let app: TestApp;
afterEach(async () => app?.cleanup());

describe('dispatcher', () => {
  it('answers app:info with the schema version and data folder', async () => {
    app = createTestApp();
    const env = await app.dispatch('app:info', {}, { origin: 'test' });
    expect(env.ok).toBe(true);
    if (env.ok) expect(env.value).toMatchObject({ schemaVersion: expect.any(Number), dataDir: app.dataDir });
  });

  it('refuses unknown channels and invalid payloads with a named field', async () => {
    app = createTestApp();
    expect(await app.dispatch('fs:readFile', {}, { origin: 'test' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = await app.dispatch('settings:set', { key: 42 }, { origin: 'test' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/key/);
  });

  it('validates the company data and names the wrong field in German', async () => {
    app = createTestApp();
    const env = await app.dispatch('settings:company:save', { companyName: 'Muster GmbH', iban: 'DE00 1234' }, { origin: 'test' });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!env.ok) expect(env.error.message).toContain('iban: Diese IBAN ist ungültig');
    const good = await app.call('settings:company:save', { companyName: 'Muster GmbH', iban: 'DE89 3704 0044 0532 0130 00', country: 'DE' });
    expect(good.iban).toBe('DE89370400440532013000');
    expect((await app.call('settings:company:get', {})).companyName).toBe('Muster GmbH');
  });

  it('has a handler for every channel of the contract', async () => {
    app = createTestApp();
    for (const ch of channelNames) {
      const env = await app.dispatch(ch, undefined, { origin: 'test' });
      if (!env.ok) expect(env.error.code).not.toBe('INTERNAL');
    }
  });
});
