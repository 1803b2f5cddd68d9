import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/test-app';
import { orderDraft, seedOrders } from '../fakes/orders';
import { getUsageEvent } from '../../main/db/repos/usage';

let app: TestApp;
afterEach(async () => app?.cleanup());

const SELLER = {
  companyName: 'Kiste & Karton e.K.', ownerName: 'Max Beispiel', street: 'Lindenallee 12', zip: '50667', city: 'Köln', country: 'DE',
  email: 'info@kiste-karton.de', vatId: 'DE123456789', taxNumber: '214/5678/9012', bankAccountHolder: 'Kiste & Karton e.K.',
  iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', bankName: 'Commerzbank Köln',
};

describe('chargeable actions through the dispatcher after the trial', () => {
  it('refuses invoices for new orders until billing details are entered; charged orders and free functions keep working', async () => {
    app = createTestApp();
    app.core.settings.saveCompany(SELLER);
    const [charged, fresh] = seedOrders(app.db, [orderDraft(), orderDraft()]);
    const first = await app.dispatch('documents:createInvoices', { orderIds: [charged] }, { origin: 'test' });
    expect(first.ok).toBe(true);
    expect(getUsageEvent(app.db, charged!)).not.toBeNull();

    app.ports.clock.advanceDays(31);
    const refused = await app.dispatch('documents:createInvoices', { orderIds: [fresh] }, { origin: 'test' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('BILLING_REQUIRED');
      expect(refused.error.message).toMatch(/Rechnungen für einen neuen Auftrag.*Gebühren & Rechnungen/);
    }
    expect(getUsageEvent(app.db, fresh!)).toBeNull();
    // the already charged order: its delivery note is free, so it works
    expect((await app.dispatch('documents:createDeliveryNotes', { orderIds: [charged] }, { origin: 'test' })).ok).toBe(true);
    // everything that is not chargeable keeps working
    expect((await app.dispatch('billing:trial', {}, { origin: 'test' })).ok).toBe(true);
    expect((await app.dispatch('fees:month', {}, { origin: 'test' })).ok).toBe(true);

    const saved = await app.dispatch('billing:details:save', {
      holder: 'Max Beispiel', iban: 'DE89370400440532013000', street: 'Lindenallee 12', zip: '50667', city: 'Köln', mandateReference: 'PD-1', mandateDate: '2026-12-24',
    }, { origin: 'test' });
    expect(saved.ok).toBe(true);
    const now = await app.dispatch('documents:createInvoices', { orderIds: [fresh] }, { origin: 'test' });
    expect(now.ok).toBe(true);
    expect(getUsageEvent(app.db, fresh!)).not.toBeNull();
  });
});
