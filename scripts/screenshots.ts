// `npm run screenshots`: PNGs of every view with demo data, through the same Chromium harness the tests
// use (no Electron needed). Writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp } from '../test/harness/test-app';
import { openRenderer, type Harness } from '../test/harness/renderer-harness';
import { startFakeInternetmarke } from '../test/fakes/internetmarke-server';
import { seedDemoOrders } from '../main/services/orders/demo-data';
import { repoRoot } from '../test/harness/cli';
import { FakeClock } from '../test/fakes/ports';

const out = join(repoRoot, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const im = await startFakeInternetmarke({ balanceCents: 84_35 });
// First start twelve days ago: the badge shows the trial's days left.
const app = createTestApp({ config: { internetmarkeUrl: im.url }, ports: { clock: new FakeClock('2026-11-11T08:00:00Z') } });
app.core.settings.saveCompany({
  companyName: 'Kiste & Karton e.K.', ownerName: 'Erika Händler', street: 'Lindenweg 3', zip: '33602', city: 'Bielefeld',
  country: 'DE', email: 'info@kiste-karton.example', phone: '0521 123456', vatId: 'DE123456789', taxNumber: '305/123/45678',
  bankAccountHolder: 'Erika Händler', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank',
});
app.core.settings.set('franking.clientId', im.clientId);
app.core.settings.set('franking.clientSecret', im.clientSecret);
await app.ports.secrets.set('im.user', im.username);
await app.ports.secrets.set('im.password', im.password);

await app.call('billing:register', { name: 'Erika Händler', email: 'info@kiste-karton.example' });
app.ports.clock.set('2026-11-23T09:30:00Z');

const ids = seedDemoOrders(app.core, 2500);
// A few documents so the fee meter and the order detail have something to show.
const newOnes: number[] = [];
for (const id of ids) {
  const { order } = await app.call('orders:get', { id });
  if (order.status === 'new' && order.warnings.length === 0) newOnes.push(id);
  if (newOnes.length >= 12) break;
}
await app.call('documents:createInvoices', { orderIds: newOnes.slice(0, 8) });

async function shot(ui: Harness, name: string) {
  await ui.page.waitForTimeout(400);
  await ui.page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

const ui = await openRenderer(app, { width: 1440, height: 900 });
const { page } = ui;
await page.getByTestId('nav-orders').click();
await page.waitForSelector('[role="row"], table tr', { timeout: 30_000 });
await shot(ui, '01-auftraege');
await page.getByRole('row').nth(2).click();
await page.keyboard.press('Enter');
await shot(ui, '02-auftrag-detail');
await page.getByTestId('nav-franking').click();
await page.getByTestId('franking-refresh').click().catch(() => undefined);
await shot(ui, '03-frankieren');
await page.getByTestId('nav-fees').click();
await shot(ui, '04-gebuehren');
await page.getByTestId('nav-settings').click();
await shot(ui, '05-einstellungen');
await ui.close();

const dark = await openRenderer(app, { width: 1440, height: 900, colorScheme: 'dark' });
await dark.page.waitForSelector('[role="row"], table tr', { timeout: 30_000 });
await shot(dark, '06-auftraege-dunkel');
await dark.close();

await app.cleanup();
await im.close();
