import { inflateSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { startFakeInternetmarke, type FakeImOptions, type FakeInternetmarke } from '../fakes/internetmarke-server';
import type { OrderDraftInput } from '../../shared/domain/order';
import type { FakePorts } from '../fakes/ports';

export type FrankingWorld = { app: TestApp; im: FakeInternetmarke; orderIds: number[]; close(): Promise<void> };

export const SELLER = { companyName: 'Kiste & Karton e.K.', ownerName: 'Erika Händler', street: 'Lindenweg 3', zip: '33602', city: 'Bielefeld', country: 'DE' } as const;

/** A real app (SQLite in a temp folder) wired to a fake Internetmarke server on loopback. */
export async function frankingWorld(
  o: { orders?: number; orderOver?: (i: number) => Partial<OrderDraftInput>; im?: FakeImOptions; dataDir?: string; ports?: Partial<FakePorts> } = {},
): Promise<FrankingWorld> {
  // The fake runs on the app's (fake) clock, like two machines with synchronised time.
  let clock: FakePorts['clock'] | null = null;
  const im = await startFakeInternetmarke({ balanceCents: 100_00, retoureOpenPolls: 2, now: () => clock?.now().getTime() ?? Date.now(), ...o.im });
  const app = createTestApp({ config: { internetmarkeUrl: im.url }, dataDir: o.dataDir, ports: o.ports });
  clock = app.ports.clock;
  app.core.settings.set('franking.clientId', im.clientId);
  app.core.settings.set('franking.clientSecret', im.clientSecret);
  app.core.settings.set('franking.timeoutMs', 20_000);
  app.core.settings.set('franking.retourePollMs', 5);
  app.core.settings.saveCompany({ ...SELLER });
  await app.ports.secrets.set('im.user', im.username);
  await app.ports.secrets.set('im.password', im.password);
  const n = o.orders ?? 3;
  const orderIds = seedOrders(
    app.db,
    Array.from({ length: n }, (_, i) =>
      orderDraft({
        buyerName: `Kundin ${i + 1}`,
        shipTo: { name: `Kundin ${i + 1}`, street: 'Nußhäherstraße', houseNumber: String(i + 1), zip: '80331', city: 'München', country: 'DE' },
        ...o.orderOver?.(i),
      }),
    ),
  );
  return {
    app, im, orderIds,
    async close() {
      await app.cleanup();
      await im.close();
    },
  };
}

/** Text drawn in a PDF (pdf-lib writes hex strings; streams may be Flate-compressed). */
export function pdfText(pdf: Uint8Array): string {
  const s = Buffer.from(pdf).toString('latin1');
  const parts: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    const raw = Buffer.from(s.slice(start, end), 'latin1');
    const dict = s.slice(Math.max(0, m.index - 300), m.index);
    let body: string;
    try {
      body = /FlateDecode/.test(dict) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    } catch {
      continue;
    }
    for (const t of body.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) parts.push(Buffer.from(t[1]!, 'hex').toString('latin1'));
    for (const t of body.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g)) parts.push(t[1]!);
  }
  return parts.join('\n');
}

export const pdfPageCount = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
