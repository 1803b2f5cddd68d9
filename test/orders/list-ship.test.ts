import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { lockOrder } from '../../main/db/repos/orders';

let app: TestApp;
let ids: number[];
beforeAll(() => {
  app = createTestApp();
  ids = seedOrders(app.db, [
    orderDraft({ externalId: 'A-1', buyerName: 'Jürgen Müller', orderDate: '2026-11-01T10:00:00Z', totalCents: 1000, shipTo: { name: 'Jürgen Müller', street: 'Hauptstraße', houseNumber: '1', zip: '10115', city: 'Berlin', country: 'DE' } }),
    orderDraft({ externalId: 'A-2', channel: 'amazon', buyerName: 'Anna Schmidt', orderDate: '2026-10-31T23:30:00Z', totalCents: 5000, items: [{ title: 'Bienenwachstücher', quantity: 1, unitPriceCents: 4505, sku: 'WRAP-3' }], shipTo: { name: 'Anna Schmidt', street: 'Gartenweg', houseNumber: '2', zip: '80331', city: 'München', country: 'DE' } }),
    orderDraft({ externalId: 'A-3', status: 'shipped', buyerName: 'Zoe Adler', orderDate: '2026-11-15T10:00:00Z', totalCents: 300 }),
    orderDraft({ externalId: 'A-4', status: 'cancelled', buyerName: 'Bernd Müller-Lüdenscheidt', orderDate: '2026-09-01T10:00:00Z', totalCents: 7000 }),
  ]);
});
afterAll(async () => app.cleanup());

const list = (q: object) => app.call('orders:list', q);

describe('order list query', () => {
  it('search (FTS5, prefix, umlauts either way) over buyer, address, items, order number', async () => {
    expect((await list({ search: 'müll' })).rows.map((r) => r.externalId).sort()).toEqual(['A-1', 'A-4']);
    expect((await list({ search: 'mull' })).total).toBe(2);
    expect((await list({ search: 'bienenwachs' })).rows.map((r) => r.externalId)).toEqual(['A-2']);
    expect((await list({ search: 'wrap-3' })).rows.map((r) => r.externalId)).toEqual(['A-2']);
    expect((await list({ search: 'münchen' })).rows.map((r) => r.externalId)).toEqual(['A-2']);
    expect((await list({ search: 'A-3' })).rows.map((r) => r.externalId)).toEqual(['A-3']);
    expect((await list({ search: '"; DROP TABLE orders; --' })).total).toBe(0);
  });
  it('filters by status, channel and Berlin calendar days; sorts; pages with the total', async () => {
    expect((await list({ statuses: ['shipped', 'cancelled'] })).total).toBe(2);
    expect((await list({ channels: ['amazon'] })).rows.map((r) => r.externalId)).toEqual(['A-2']);
    // 2026-10-31T23:30Z is 1 November in Berlin
    expect((await list({ dateFrom: '2026-11-01', dateTo: '2026-11-01' })).rows.map((r) => r.externalId).sort()).toEqual(['A-1', 'A-2']);
    expect((await list({ sort: 'totalCents', dir: 'asc' })).rows.map((r) => r.totalCents)).toEqual([300, 1000, 5000, 7000]);
    expect((await list({ sort: 'buyerName', dir: 'asc' })).rows.map((r) => r.buyerName)[0]).toBe('Anna Schmidt');
    const page = await list({ sort: 'orderDate', dir: 'desc', limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 4, offset: 2 });
    expect(page.rows.map((r) => r.externalId)).toEqual(['A-2', 'A-4']);
  });
  it('ids of all matches for "select all", and facets for the chips', async () => {
    expect((await app.call('orders:ids', { search: 'müller', sort: 'orderDate', dir: 'asc' })).ids).toEqual([ids[3], ids[0]]);
    const f = await app.call('orders:facets', {});
    expect(f.total).toBe(4);
    expect(f.statuses).toEqual(expect.arrayContaining([{ status: 'new', count: 2 }]));
  });
  it('a bad filter value is refused with the field named', async () => {
    await expect(list({ dateFrom: '01.11.2026' })).rejects.toThrow(/dateFrom: Datum als JJJJ-MM-TT erwartet/);
  });
});

describe('mark shipped and tracking-upload files', () => {
  it('ships with and without tracking, skips cancelled and repeated ones, writes history', async () => {
    const r = await app.call('orders:ship', { ids: [ids[0]!], trackingNumber: '00340434 1612 3456 7890', carrier: 'DHL Paket' });
    expect(r).toEqual({ shipped: [ids[0]], skipped: [] });
    const o = (await app.call('orders:get', { id: ids[0]! })).order;
    expect(o).toMatchObject({ status: 'shipped', trackingNumber: '00340434161234567890', carrier: 'DHL Paket', shippedAt: app.core.nowIso() });
    const r2 = await app.call('orders:ship', { ids: [ids[1]!, ids[3]!, ids[0]!] });
    expect(r2.shipped).toEqual([ids[1]]);
    expect(r2.skipped).toEqual([{ id: ids[3], reason: 'Auftrag ist storniert' }, { id: ids[0], reason: 'bereits versendet' }]);
    expect((await app.call('orders:get', { id: ids[1]! })).history.at(-1)).toMatchObject({ action: 'shipped', detail: 'Versendet (ohne Sendungsnummer)' });
    const many = await app.call('orders:ship', { ids: [ids[1]!, ids[2]!], trackingNumber: 'X1' });
    expect(many.shipped).toEqual([]);
  });
  it('eBay and Amazon files list each shipped order once', async () => {
    const ebay = await app.call('orders:tracking:export', { target: 'ebay' });
    expect(ebay.count).toBe(2);
    const lines = ebay.content.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Action(SiteID=Germany|Country=DE|Currency=EUR|Version=1193|CC=UTF-8),OrderID,ShippingStatus,ShippingCarrierUsed,ShipmentTrackingNumber');
    expect(lines).toContain('Status,A-1,1,DHL,00340434161234567890');
    await expect(app.call('orders:tracking:export', { target: 'ebay' })).rejects.toThrow(/Keine versendeten eBay-Aufträge/);
    const amazon = await app.call('orders:tracking:export', { target: 'amazon' });
    expect(amazon.content.split('\r\n')[0]).toBe('order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method');
    expect(amazon.content.split('\r\n')[1]).toBe(`A-2\t\t\t${app.core.nowIso().slice(0, 10)}\tOther\tOther\t\t`);
  });
});

describe('manual orders', () => {
  const draft = {
    orderDate: '2026-11-22T12:00:00.000Z', buyerName: 'Renate Krüger', shipTo: { name: 'Renate Krüger', street: 'Kirchgasse', houseNumber: '', zip: '01067', city: 'Dresden', country: 'DE' },
    items: [{ title: 'Schal blau', quantity: 1, unitPriceCents: 2450 }], shippingCents: 495, totalCents: 2945,
  };
  it('creates with the next number and warnings, edits, and refuses once a document exists', async () => {
    const o = await app.call('orders:create', draft);
    expect(o).toMatchObject({ channel: 'manual', externalId: 'M-000001', status: 'new' });
    expect(o.warnings.map((w) => w.code)).toEqual(['missing_house_number']);
    expect((await app.call('orders:create', draft)).externalId).toBe('M-000002');
    await expect(app.call('orders:create', { ...draft, externalId: 'M-000001' })).rejects.toThrow(/Es gibt schon einen Auftrag M-000001/);
    const edited = await app.call('orders:update', { id: o.id, draft: { ...draft, shipTo: { ...draft.shipTo, houseNumber: '11' } } });
    expect(edited).toMatchObject({ externalId: 'M-000001', warnings: [], shipTo: { houseNumber: '11' } });
    expect((await app.call('orders:list', { search: 'M-000001' })).total).toBe(1);
    lockOrder(app.db, o.id, app.core.nowIso());
    await expect(app.call('orders:update', { id: o.id, draft })).rejects.toMatchObject({ code: 'ORDER_LOCKED' });
  });
  it('address check for the form', async () => {
    const r = await app.call('orders:address:check', { name: 'A', kind: 'packstation', street: 'Packstation', houseNumber: '114', zip: '80331', city: 'München', country: 'DE' });
    expect(r.warnings.map((w) => w.code)).toEqual(['packstation_without_postnummer']);
    expect(r.lines).toEqual(['A', 'Packstation 114', '80331 München']);
  });
});
