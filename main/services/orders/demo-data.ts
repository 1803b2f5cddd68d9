import type { AppCore } from '../../app/core';
import { OrderDraft, type Channel, type OrderStatus } from '../../../shared/domain/order';
import { addressWarnings } from '../../../shared/address/warnings';
import { createOrderInserter } from '../../db/repos/orders-write';

/**
 * Realistic, varied, invented German demo orders (screenshots, benches, first look at the app).
 * Deterministic: the same n gives the same orders. Names and addresses are made up.
 */
const FIRST = ['Anna', 'Lukas', 'Marie', 'Jonas', 'Sophie', 'Felix', 'Lea', 'Paul', 'Emma', 'Leon', 'Hannah', 'Ben', 'Mia', 'Elias', 'Lina', 'Noah', 'Clara', 'Finn', 'Ida', 'Karl', 'Greta', 'Jürgen', 'Ursula', 'Dieter', 'Renate'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Weiß', 'Jäger', 'Groß'];
const STREETS = ['Hauptstraße', 'Bahnhofstr.', 'Schulstraße', 'Gartenweg', 'Dorfstraße', 'Lindenallee', 'Am Markt', 'Kirchgasse', 'Bergstraße', 'Waldweg', 'Goethestraße', 'Schillerplatz', 'Mühlenweg', 'Rosenstraße', 'Straße des 17. Juni'];
const CITIES: [string, string, string][] = [
  ['10115', 'Berlin', 'DE'], ['20095', 'Hamburg', 'DE'], ['80331', 'München', 'DE'], ['50667', 'Köln', 'DE'], ['60311', 'Frankfurt am Main', 'DE'],
  ['70173', 'Stuttgart', 'DE'], ['40213', 'Düsseldorf', 'DE'], ['04109', 'Leipzig', 'DE'], ['01067', 'Dresden', 'DE'], ['28195', 'Bremen', 'DE'],
  ['30159', 'Hannover', 'DE'], ['90402', 'Nürnberg', 'DE'], ['24103', 'Kiel', 'DE'], ['18055', 'Rostock', 'DE'], ['79098', 'Freiburg im Breisgau', 'DE'],
  ['1010', 'Wien', 'AT'], ['8010', 'Graz', 'AT'], ['8001', 'Zürich', 'CH'], ['1017 AB', 'Amsterdam', 'NL'], ['75001', 'Paris', 'FR'],
];
const ITEMS: [string, string, number][] = [
  ['Kaffeetasse Steingut, blau', 'TASSE-BL', 1299], ['Leinenserviette natur (4 Stück)', 'SERV-LN-4', 995], ['Schneidebrett Eiche 40x25', 'BRETT-EI-40', 3400],
  ['Duftkerze Lavendel', 'KERZE-LAV', 750], ['Postkarten-Set Elbe (10 Stück)', 'PK-ELBE-10', 600], ['Buch: Die Kunst des Verpackens', 'BUCH-017', 1990],
  ['Bienenwachstücher (3er-Set)', 'WRAP-3', 1650], ['Espressotasse doppelwandig', 'ESP-TA-2', 1490], ['Brotkasten Bambus', 'BROT-BAM', 2995],
  ['Ersatzdichtung für Einmachglas (10 Stück)', 'DICHT-10', 290], ['Notizbuch A5 dotted, Leinen', 'NB-A5-LN', 1250], ['Gewürzdose Edelstahl', 'GEW-ES', 450],
];
const CHANNELS: { channel: Channel; marketplace: string; id: (n: number) => string }[] = [
  { channel: 'ebay', marketplace: 'ebay.de', id: (n) => `${String(10 + (n % 89)).padStart(2, '0')}-${String(10000 + (n % 89999)).padStart(5, '0')}-${String(n).padStart(5, '0').slice(-5)}${n > 99999 ? `-${Math.floor(n / 100000)}` : ''}` },
  { channel: 'amazon', marketplace: 'amazon.de', id: (n) => `302-${String(1000000 + (n * 7919) % 9000000)}-${String(1000000 + n).slice(-7)}` },
  { channel: 'etsy', marketplace: 'etsy.com', id: (n) => String(2800000000 + n) },
  { channel: 'shopify', marketplace: 'shopify', id: (n) => `#${1000 + n}` },
  { channel: 'woocommerce', marketplace: 'woocommerce', id: (n) => `WC-${50000 + n}` },
  { channel: 'manual', marketplace: '', id: (n) => `M-${String(n).padStart(6, '0')}` },
];
const STATUSES: OrderStatus[] = ['new', 'new', 'new', 'invoiced', 'labelled', 'franked', 'shipped', 'shipped', 'shipped', 'cancelled'];

/** A small deterministic PRNG (mulberry32), so demo data is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoOrderDrafts(n: number, opts: { seed?: number; endIso?: string } = {}): OrderDraft[] {
  const r = rng(opts.seed ?? 42);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const end = Date.parse(opts.endIso ?? '2026-11-22T18:00:00Z');
  const out: OrderDraft[] = [];
  for (let i = 1; i <= n; i++) {
    const m = i % 20;
    const ch = CHANNELS[m < 9 ? 0 : m < 15 ? 1 : m < 17 ? 2 : m - 14]!;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const [zip, city, country] = pick(CITIES);
    const kind = r();
    const shipTo =
      kind < 0.06 && country === 'DE'
        ? { name, kind: 'packstation' as const, street: 'Packstation', houseNumber: String(100 + Math.floor(r() * 800)), postNumber: String(10000000 + Math.floor(r() * 89999999)), zip, city, country }
        : {
            name, street: pick(STREETS), houseNumber: kind > 0.97 ? '' : `${1 + Math.floor(r() * 120)}${r() < 0.15 ? 'a' : ''}`,
            careOf: kind > 0.93 && kind <= 0.95 ? `c/o ${pick(LAST)} GmbH` : '', addition: kind > 0.9 && kind <= 0.93 ? 'Hinterhaus, 2. OG' : '', zip, city, country,
          };
    const itemCount = r() < 0.75 ? 1 : 2 + Math.floor(r() * 3);
    const items = Array.from({ length: itemCount }, () => {
      const [title, sku, price] = pick(ITEMS);
      return { title, sku, quantity: r() < 0.8 ? 1 : 2 + Math.floor(r() * 3), unitPriceCents: price, vatRate: title.startsWith('Buch') ? 7 : 19 };
    });
    const shippingCents = pick([0, 195, 395, 495, 549, 690]);
    const goods = items.reduce((s, it) => s + it.unitPriceCents * it.quantity, 0);
    const status = pick(STATUSES);
    const orderDate = new Date(end - Math.floor(r() * 400 * 86400_000) - (n - i) * 1000).toISOString();
    out.push(
      OrderDraft.parse({
        channel: ch.channel, marketplace: ch.marketplace, externalId: ch.id(i), status, orderDate, paidAt: orderDate,
        buyerName: name, buyerEmail: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@example.de`, buyerUsername: ch.channel === 'ebay' ? `kaeufer_${i}` : '',
        shipTo, items, shippingCents, totalCents: goods + shippingCents,
        trackingNumber: status === 'shipped' && r() < 0.7 ? `00340434${String(100000000000 + i).slice(-12)}` : '', carrier: status === 'shipped' ? 'DHL Paket' : '',
        shippedAt: status === 'shipped' ? orderDate : null,
      }),
    );
  }
  return out;
}

/** Inserts n demo orders in one transaction (with address warnings like an import). Returns their ids. */
export function seedDemoOrders(core: Pick<AppCore, 'db' | 'nowIso'>, n: number, opts: { seed?: number } = {}): number[] {
  const drafts = demoOrderDrafts(n, opts);
  const now = core.nowIso();
  return core.db.transaction(() => {
    const insert = createOrderInserter(core.db);
    return drafts.map((d) => insert(d, addressWarnings(d.shipTo), now, { action: 'import', detail: 'Demodaten' }));
  })();
}
