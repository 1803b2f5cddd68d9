import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHttp } from '../../main/adapters/fetch-http';
import { InternetmarkeClient } from '../../main/services/franking/im-client';
import { parseImError } from '../../main/services/franking/im-errors';
import { startFakeInternetmarke, type FakeInternetmarke } from '../fakes/internetmarke-server';
import type { HttpResponse } from '../../main/ports/http';

let im: FakeInternetmarke;
beforeAll(async () => {
  im = await startFakeInternetmarke({ balanceCents: 3285, tokenLifetimeS: 120 });
});
afterAll(async () => im.close());

function client(now: () => Date, over: Partial<{ password: string }> = {}) {
  return new InternetmarkeClient(fetchHttp, {
    baseUrl: im.url + '/',
    credentials: async () => ({ clientId: im.clientId, clientSecret: im.clientSecret, username: im.username, password: over.password ?? im.password }),
    now,
    timeoutMs: 2000,
  });
}
const res = (status: number, body: string): HttpResponse => ({
  status, headers: {}, body: new TextEncoder().encode(body), text: () => body, json: <T>() => JSON.parse(body) as T,
});

describe('Internetmarke REST client over loopback', () => {
  it('logs in with the form POST, reads walletBalance, caches the token and renews it 60 s before expiry', async () => {
    let t = Date.parse('2026-11-23T09:00:00Z');
    const c = client(() => new Date(t));
    const logins = () => im.requests.filter((q) => q.path.endsWith('/v1/user')).length;
    const before = logins();
    expect((await c.login()).walletBalanceCents).toBe(3285);
    await c.pageFormats();
    await c.profile();
    expect(logins()).toBe(before + 1);
    t += 59_000; // 61 s before expiry: still cached
    await c.profile();
    expect(logins()).toBe(before + 1);
    t += 2_000; // inside the 60 s margin: renewed before it can expire mid-batch
    await c.profile();
    expect(logins()).toBe(before + 2);
  });

  it('page formats come from the catalog with their grid and size in mm', async () => {
    const f = (await client(() => new Date()).pageFormats()).find((x) => x.id === 1)!;
    expect(f).toMatchObject({ name: 'DIN A4 Normalpapier', isAddressPossible: true, size: { x: 210, y: 297 }, labelCount: { labelX: 2, labelY: 5 } });
  });

  it('a missing Portokasse approval becomes German guidance where to approve the app', async () => {
    im.approved = false;
    try {
      const err = await client(() => new Date()).login(true).catch((e) => e);
      expect(err.code).toBe('IM_NOT_APPROVED');
      expect(err.message).toContain('Meine Daten');
      expect(err.message).toContain('Geschäftsanwendungen');
    } finally {
      im.approved = true;
    }
  });

  it('a wrong password is a plain refusal, not the approval hint (the generic 401 text names both causes)', async () => {
    const err = await client(() => new Date(), { password: 'falsch' }).login(true).catch((e) => e);
    expect(err.code).toBe('IM_UNAUTHORIZED');
  });

  it('retrieving a cart that was never checked out is null (404), not an error', async () => {
    const c = client(() => new Date());
    const id = await c.initCart();
    expect(await c.retrieveOrder(id)).toBeNull();
  });

  it('tops up with PUT /app/wallet?amount=… and reads walletBalance', async () => {
    const c = client(() => new Date());
    const start = im.balanceCents;
    expect(await c.topUp(1000)).toBe(start + 1000);
    expect(im.requests.at(-1)!.path).toMatch(/\/app\/wallet\?amount=1000$/);
    im.inject('wallet', 'quota-exceeded');
    await expect(c.topUp(1000)).rejects.toMatchObject({ code: 'IM_QUOTA' });
  });
});

describe('error bodies in every shape the API sends', () => {
  it('v1.30 {statusCode, title, detail}', () => {
    const e = parseImError(res(400, JSON.stringify({ statusCode: '400', title: 'invalidShopOrderID', detail: "Queued order duplicated for the shopOrderId '123123'" })), 'Kauf');
    expect(e.code).toBe('IM_DUPLICATE_ORDER');
    expect(e.detail).toContain('123123');
  });
  it('live {statusCode, title, description, instance: PCF-…}', () => {
    const e = parseImError(
      res(400, JSON.stringify({ statusCode: '400', title: 'invalidTotalAmount', description: 'The total cost of the shopping cart is invalid! PPL-total: 415, Cart: 1', instance: 'PCF-A1031' })),
      'Kauf',
    );
    expect(e.code).toBe('IM_PRICE_MISMATCH');
    expect(e.instance).toBe('PCF-A1031');
    expect(e.message).toContain('PPL-total: 415');
  });
  it('≤ v1.27 {status: 401, …} and plain text', () => {
    expect(parseImError(res(401, JSON.stringify({ status: 401, title: 'Unauthorized', detail: 'I need a bearer token in the authorization header.' })), 'x').code).toBe('IM_UNAUTHORIZED');
    expect(parseImError(res(401, 'Unauthorized'), 'x').code).toBe('IM_UNAUTHORIZED');
    expect(parseImError(res(502, '<html>Bad Gateway</html>'), 'x').code).toBe('IM_SERVER');
  });
  it('approval missing: genericUserAuthenticationError', () => {
    const e = parseImError(res(401, JSON.stringify({ statusCode: '401', title: 'genericUserAuthenticationError', detail: 'application is not authorized by user' })), 'Anmeldung');
    expect(e.code).toBe('IM_NOT_APPROVED');
  });
});
