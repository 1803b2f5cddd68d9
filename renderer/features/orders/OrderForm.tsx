import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import { parseAmountCents } from '../../../shared/orders/money';
import type { Order } from '../../../shared/domain/order';
import type { AddressWarning } from '../../../shared/domain/address';
import { isLeitwegId } from '../../../shared/einvoice/codes';
import { Dialog } from '../../app/Dialog';

type Item = { title: string; sku: string; quantity: string; price: string };
const euro = (c: number) => (c / 100).toFixed(2).replace('.', ',');
const ADDRESS_FIELDS = ['name', 'company', 'careOf', 'street', 'houseNumber', 'addition', 'zip', 'city', 'country'] as const;
type AddrField = (typeof ADDRESS_FIELDS)[number];

/** Manual order: create, or edit while no document was issued (main refuses a locked order anyway). */
export function OrderForm({ order, onDone, onCancel }: { order: Order | null; onDone(o: Order): void; onCancel(): void }) {
  const t = useT();
  const [externalId, setExternalId] = useState(order?.externalId ?? '');
  const [date, setDate] = useState((order?.orderDate ?? new Date().toISOString()).slice(0, 10));
  const [email, setEmail] = useState(order?.buyerEmail ?? '');
  const [buyerReference, setBuyerReference] = useState(order?.buyerReference ?? '');
  const [addr, setAddr] = useState<Record<AddrField, string>>(() => {
    const a = order?.shipTo;
    return { name: a?.name ?? '', company: a?.company ?? '', careOf: a?.careOf ?? '', street: a?.street ?? '', houseNumber: a?.houseNumber ?? '', addition: a?.addition ?? '', zip: a?.zip ?? '', city: a?.city ?? '', country: a?.country ?? 'DE' };
  });
  const [items, setItems] = useState<Item[]>(
    order?.items.map((i) => ({ title: i.title, sku: i.sku, quantity: String(i.quantity), price: euro(i.unitPriceCents) })) ?? [{ title: '', sku: '', quantity: '1', price: '' }],
  );
  const [shipping, setShipping] = useState(order ? euro(order.shippingCents) : '0,00');
  const [warnings, setWarnings] = useState<AddressWarning[]>([]);
  const [error, setError] = useState<string | null>(null);

  const shipTo = { ...addr, kind: order?.shipTo.kind ?? 'street', postNumber: order?.shipTo.postNumber ?? '', country: addr.country.toUpperCase() } as const;
  useEffect(() => {
    if (!/^[A-Z]{2}$/.test(shipTo.country)) return;
    const h = setTimeout(() => void call('orders:address:check', shipTo).then((r) => setWarnings(r.warnings)).catch(() => undefined), 200);
    return () => clearTimeout(h);
  }, [JSON.stringify(shipTo)]);

  const save = async () => {
    setError(null);
    const parsed = items.map((i) => ({ ...i, cents: parseAmountCents(i.price), qty: Number(i.quantity) }));
    const bad = parsed.find((i) => i.cents === null || !Number.isInteger(i.qty) || i.qty < 1 || !i.title.trim());
    const shipCents = parseAmountCents(shipping);
    if (bad || shipCents === null) {
      setError(t('orders.form.invalidPrice'));
      return;
    }
    const lines = parsed.map((i) => ({ title: i.title.trim(), sku: i.sku.trim(), quantity: i.qty, unitPriceCents: i.cents! }));
    const draft = {
      channel: order?.channel ?? 'manual',
      marketplace: order?.marketplace ?? '',
      externalId,
      status: order?.status ?? 'new',
      orderDate: new Date(`${date}T12:00:00Z`).toISOString(),
      buyerName: addr.name,
      buyerEmail: email,
      buyerReference: buyerReference.trim(),
      shipTo,
      items: lines,
      shippingCents: shipCents,
      totalCents: lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0) + shipCents,
    };
    try {
      onDone(order ? await call('orders:update', { id: order.id, draft }) : await call('orders:create', draft));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const setItem = (i: number, p: Partial<Item>) => setItems(items.map((it, j) => (j === i ? { ...it, ...p } : it)));
  return (
    <Dialog className="order-form" titleId="order-form-title" testId="order-form" onClose={onCancel} onSubmit={() => void save()}>
        <h2 id="order-form-title">{order ? t('orders.form.title.edit', { externalId: order.externalId }) : t('orders.form.title.new')}</h2>
        <div className="form-grid">
          {!order && (
            <label className="field">
              <span>{t('orders.form.externalId')}</span>
              <input value={externalId} onChange={(e) => setExternalId(e.target.value)} data-testid="form-externalId" />
            </label>
          )}
          <label className="field">
            <span>{t('orders.form.orderDate')}</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
          </label>
          <label className="field">
            <span>{t('orders.form.buyerEmail')}</span>
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('orders.form.buyerReference')}</span>
            <input
              value={buyerReference}
              onChange={(e) => setBuyerReference(e.target.value)}
              placeholder="04011000-1234512345-06"
              aria-describedby="form-buyerReference-hint"
              data-testid="form-buyerReference"
            />
            {buyerReference.trim() && (
              <small id="form-buyerReference-hint" data-testid="form-buyerReference-hint">
                {t(isLeitwegId(buyerReference) ? 'orders.form.buyerReference.leitweg' : 'orders.form.buyerReference.other')}
              </small>
            )}
          </label>
          {ADDRESS_FIELDS.map((f) => (
            <label key={f} className="field">
              <span>{t(`orders.form.${f}`)}</span>
              <input value={addr[f]} onChange={(e) => setAddr({ ...addr, [f]: e.target.value })} data-testid={`form-${f}`} required={f === 'name' || f === 'country'} />
            </label>
          ))}
        </div>
        {warnings.length > 0 && (
          <ul className="warning-list" aria-live="polite">
            {warnings.map((w, i) => (
              <li key={i} className="warn">
                ⚠ {t(`address.warning.${w.code}`)}
              </li>
            ))}
          </ul>
        )}
        <fieldset>
          <legend>{t('orders.form.item')}</legend>
          {items.map((it, i) => (
            <div key={i} className="item-row">
              <input aria-label={t('orders.form.item')} value={it.title} onChange={(e) => setItem(i, { title: e.target.value })} data-testid={`form-item-title-${i}`} required />
              <input aria-label="SKU" placeholder="SKU" value={it.sku} onChange={(e) => setItem(i, { sku: e.target.value })} />
              <input aria-label={t('orders.form.qty')} inputMode="numeric" value={it.quantity} onChange={(e) => setItem(i, { quantity: e.target.value })} className="narrow" />
              <input aria-label={t('orders.form.price')} placeholder="12,99" value={it.price} onChange={(e) => setItem(i, { price: e.target.value })} className="narrow" data-testid={`form-item-price-${i}`} />
              {items.length > 1 && (
                <button type="button" onClick={() => setItems(items.filter((_, j) => j !== i))} aria-label={t('orders.form.removeItem')}>
                  −
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setItems([...items, { title: '', sku: '', quantity: '1', price: '' }])}>
            + {t('orders.form.addItem')}
          </button>
          <label className="field">
            <span>{t('orders.form.shipping')}</span>
            <input value={shipping} onChange={(e) => setShipping(e.target.value)} className="narrow" />
          </label>
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="form-save">
            {t('orders.form.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
    </Dialog>
  );
}
